// The fixed vocabulary of the simulated Copilot org: IDEs, languages, features, models with
// their premium-request multipliers, the price list and the API's constants. Multipliers are
// integer hundredths (0.33× = 33) so premium quantities stay exact decimals end to end.

import type { Day } from '../../core/days.js'

export const REPORTS_FIRST_DAY: Day = '2025-10-10'
/** Usage metrics reports keep one year of history. */
export const REPORT_RETENTION_DAYS = 365
/** Premium-request billing usage is served for the last 24 months. */
export const BILLING_RETENTION_MONTHS = 24

export const API_VERSIONS = ['2022-11-28', '2026-03-10'] as const
export const DEFAULT_TOKEN = 'ghp_' + 'SIMULATORfakeTokenNotARealSecret0000'
export const DOCS = 'https://docs.github.com/rest'

export const IDES = ['vscode', 'jetbrains', 'neovim', 'visualstudio', 'xcode'] as const
export type Ide = (typeof IDES)[number]

export const IDE_VERSIONS: Record<Ide, { ide: string; plugin: string; pluginVersion: string }> = {
  vscode: { ide: '1.106.2', plugin: 'copilot-chat', pluginVersion: '0.33.1' },
  jetbrains: { ide: '2025.2.4', plugin: 'copilot-intellij', pluginVersion: '1.5.59' },
  neovim: { ide: '0.11.4', plugin: 'copilot.vim', pluginVersion: '1.53.0' },
  visualstudio: { ide: '17.14.19', plugin: 'copilot-vs', pluginVersion: '17.14.1' },
  xcode: { ide: '26.1', plugin: 'copilot-xcode', pluginVersion: '0.44.0' },
}

export const LANGUAGES = [
  'typescript',
  'python',
  'go',
  'java',
  'rust',
  'kotlin',
  'ruby',
  'csharp',
  'sql',
  'markdown',
] as const

/** Features as the reports name them (`totals_by_feature[].feature`). */
export type Feature =
  | 'code_completion'
  | 'chat_panel_ask_mode'
  | 'chat_panel_edit_mode'
  | 'chat_panel_agent_mode'
  | 'chat_inline'
  | 'agent_edit'

export const CHAT_MODES: readonly Feature[] = [
  'chat_panel_ask_mode',
  'chat_panel_edit_mode',
  'chat_panel_agent_mode',
  'chat_inline',
]

export interface CopilotModel {
  /** The id the usage metrics reports use. */
  id: string
  /** The name premium-request billing uses (billing and metrics spell models differently). */
  billingName: string
  /** Premium requests per interaction, in hundredths; 0 = included model, never billed. */
  multiplierHundredths: number
}

export const COMPLETION_MODEL = 'gpt-4o-copilot'

export const CHAT_MODELS: readonly CopilotModel[] = [
  { id: 'gpt-4.1', billingName: 'GPT-4.1', multiplierHundredths: 0 },
  { id: 'gpt-5-mini', billingName: 'GPT-5 mini', multiplierHundredths: 0 },
  { id: 'claude-sonnet-4.5', billingName: 'Claude Sonnet 4.5', multiplierHundredths: 100 },
  { id: 'gpt-5', billingName: 'GPT-5', multiplierHundredths: 100 },
  { id: 'gemini-2.5-pro', billingName: 'Gemini 2.5 Pro', multiplierHundredths: 100 },
  { id: 'claude-haiku-4.5', billingName: 'Claude Haiku 4.5', multiplierHundredths: 33 },
  { id: 'claude-opus-4.1', billingName: 'Claude Opus 4.1', multiplierHundredths: 1000 },
]

/** The model Copilot CLI prompts run on (billed like chat). */
export const CLI_MODEL_ID = 'claude-sonnet-4.5'

export function chatModelOrThrow(id: string): CopilotModel {
  const model = CHAT_MODELS.find((m) => m.id === id)
  if (!model) throw new RangeError(`unknown Copilot model "${id}"`)
  return model
}

export type PlanType = 'business' | 'enterprise'

export const PREMIUM_PRODUCT = 'Copilot'
export const PREMIUM_SKU = 'Copilot Premium Request'
export const PREMIUM_UNIT = 'requests'
/** Dollars per premium request, as the exact decimal the API prints. */
export const PREMIUM_PRICE_DOLLARS = '0.04'
/** Premium requests included per seat per calendar month, by plan. */
export const INCLUDED_REQUESTS: Record<PlanType, number> = { business: 300, enterprise: 1000 }
