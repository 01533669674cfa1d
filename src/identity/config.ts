// Config sub-schemas for identity and budgets (src/config/schema.ts mounts them). Budget
// amounts are decimal strings so no binary float ever holds money; a YAML number is accepted
// too and read from its shortest text (what the user wrote), never multiplied as a float.

import { z } from 'zod'
import { dollarsFromNumber, isDecimalText, toDecimalString } from '../core/money.js'

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

const amountUsd = z
  .union([z.string(), z.number()])
  .refine((v) => (typeof v === 'number' ? Number.isFinite(v) && v >= 0 : isDecimalText(v)), {
    message: 'expected an amount in US dollars as a decimal string, e.g. "73000" or "1250.50"',
  })
  .transform((v) => (typeof v === 'number' ? toDecimalString(dollarsFromNumber(v)) : v.trim()))

export const budgetSchema = z
  .object({
    scope: z
      .enum(['total', 'provider', 'team'])
      .describe('What the budget covers: all spend, one provider, or one team.'),
    name: z
      .string()
      .min(1)
      .optional()
      .describe("The provider ('anthropic') or team ('platform'); omitted for a total budget."),
    period: z.enum(['month', 'quarter']).describe('Calendar month or calendar quarter.'),
    amountUsd: amountUsd.describe('Budget per period in US dollars, a decimal string.'),
    from: z
      .string()
      .regex(MONTH_RE, 'expected a month as YYYY-MM')
      .optional()
      .describe('First month (YYYY-MM) the budget applies to; its whole period counts.'),
  })
  .refine((b) => (b.scope === 'total') === (b.name === undefined), {
    message: 'a total budget has no name; provider and team budgets need one',
    path: ['name'],
  })

export type BudgetConfig = z.infer<typeof budgetSchema>

export const budgetsSchema = z
  .array(budgetSchema)
  .default([])
  .refine((list) => new Set(list.map(budgetIdOf)).size === list.length, {
    message: 'two budgets have the same scope, name, period and from',
  })
  .describe('Budgets compared with actual spend by the budget_burn view (config file only).')

/** Stable id of a budget entry: what budget_burn rows are grouped by. */
export function budgetIdOf(b: Pick<BudgetConfig, 'scope' | 'name' | 'period' | 'from'>): string {
  return [b.scope, b.name ?? '*', b.period, b.from ?? 'always'].join(':')
}

export const identityConfigSchema = z
  .object({
    sheetId: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Google Sheet holding the identity map, read at every run (unset = no sheet). Env: AI_USAGE_IDENTITY_SHEET_ID.',
      ),
    sheetRange: z
      .string()
      .min(1)
      .default('Sheet1!A:F')
      .describe('A1 range of the map, header row first. Env: AI_USAGE_IDENTITY_SHEET_RANGE.'),
    sheetsBaseUrl: z
      .url()
      .default('https://sheets.googleapis.com')
      .describe(
        'Sheets API base URL (tests point it at a local double). Env: AI_USAGE_SHEETS_BASE_URL.',
      ),
  })
  .default({ sheetRange: 'Sheet1!A:F', sheetsBaseUrl: 'https://sheets.googleapis.com' })

export type IdentityConfig = z.infer<typeof identityConfigSchema>
