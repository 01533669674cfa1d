// The seeded organization every views test reads: three people, four API keys, two named
// workspaces plus Default, three days of cost and usage and two Claude Code actors, small
// enough that every number a view returns can be computed by hand (see seedScenario).

import {
  apiKey,
  claudeCode,
  cost,
  usage,
  user,
  workspace,
  type ViewsHarness,
} from './views-harness.js'

/** The seeded organization: see seedScenario for the hand-computed numbers the tests expect. */
export const ADA = 'ada@northwind.example'
export const BEN = 'ben@northwind.example'
export const CY = 'cy@northwind.example'
export const D1 = '2026-03-01'
export const D2 = '2026-03-02'
export const FEB = '2026-02-10'
export const MODEL = 'claude-sonnet-4-5'

/** The map: Ada in platform; Ben in data, moving to platform on D2. */
export const MAP_CSV = [
  'identity,provider,email,team,valid_from',
  `${ADA},,${ADA},platform,`,
  `${BEN},,${BEN},data,`,
  `${BEN},,${BEN},platform,${D2}`,
].join('\n')

/**
 * D1 ($55): Default workspace input $10 (tokens ada 100 : ben 300) and output $30 (300 : 100),
 * web search $1 (ada's 2 searches), Production input $5 (a service-account key: no person),
 * Claude Code workspace output $9 (estimates ada $2 : ci-bot $1).
 *   → ada 2.5 + 22.5 + 1 + 6 = $32, ben 7.5 + 7.5 = $15, Unmapped 5 + 3 = $8.
 * D2 ($7.00000001): input 10 nano-dollars (ada 100 : ben 200 → 3 : 7 nanos), output $7 (ben).
 * FEB ($4): input $4, all ada.
 */
export async function seedScenario(h: ViewsHarness): Promise<void> {
  await h.seed(
    'anthropic_workspaces',
    ['id'],
    [workspace('ws_cc', 'Claude Code'), workspace('ws_prod', 'Production')],
  )
  await h.seed(
    'anthropic_users',
    ['id'],
    [user('u_ada', ADA, 'developer'), user('u_ben', BEN, 'developer'), user('u_cy', CY, 'user')],
  )
  await h.seed(
    'anthropic_api_keys',
    ['id'],
    [
      apiKey('k_ada', 'ada-dev', null, { id: 'u_ada', type: 'user' }),
      apiKey('k_ben', 'ben-dev', null, null, 'u_ben'),
      apiKey('k_svc', 'etl-service', 'ws_prod', { id: 'svac_1', type: 'service_account' }, 'u_ada'),
      apiKey('k_cc', 'claude_code_key_ada', 'ws_cc', { id: 'u_ada', type: 'user' }),
    ],
  )
  const tok = { model: MODEL }
  await h.seed(
    'anthropic_cost_report',
    ['usage_date', 'line_key'],
    [
      cost({ day: D1, ws: null, ...tok, tokenType: 'uncached_input_tokens', usd: '10' }),
      cost({ day: D1, ws: null, ...tok, tokenType: 'output_tokens', usd: '30' }),
      cost({ day: D1, ws: null, costType: 'web_search', usd: '1' }),
      cost({ day: D1, ws: 'ws_prod', ...tok, tokenType: 'uncached_input_tokens', usd: '5' }),
      cost({ day: D1, ws: 'ws_cc', ...tok, tokenType: 'output_tokens', usd: '9' }),
      cost({ day: D2, ws: null, ...tok, tokenType: 'uncached_input_tokens', usd: '0.00000001' }),
      cost({ day: D2, ws: null, ...tok, tokenType: 'output_tokens', usd: '7' }),
      cost({ day: FEB, ws: null, ...tok, tokenType: 'uncached_input_tokens', usd: '4' }),
    ],
  )
  await h.seed(
    'anthropic_messages_usage',
    ['usage_date', 'line_key'],
    [
      usage({ day: D1, key: 'k_ada', ws: null, ...tok, input: 100, output: 300, search: 2 }),
      usage({ day: D1, key: 'k_ben', ws: null, ...tok, input: 300, output: 100 }),
      usage({ day: D1, key: 'k_svc', ws: 'ws_prod', ...tok, input: 50 }),
      usage({ day: D1, key: 'k_cc', ws: 'ws_cc', ...tok, output: 10, read: 90 }),
      usage({ day: D2, key: 'k_ada', ws: null, ...tok, input: 100 }),
      usage({ day: D2, key: 'k_ben', ws: null, ...tok, input: 200, output: 70 }),
      usage({ day: FEB, key: 'k_ada', ws: null, ...tok, input: 100 }),
    ],
  )
  const ada = claudeCode({
    day: D1,
    email: ADA,
    sessions: 3,
    linesAdded: 120,
    accepted: 8,
    rejected: 2,
    commits: 1,
    prs: 1,
    models: [{ model: MODEL, estimateUsd: '2' }],
  })
  const bot = claudeCode({
    day: D1,
    keyName: 'ci-bot',
    linesAdded: 30,
    accepted: 2,
    models: [{ model: MODEL, estimateUsd: '1' }],
  })
  await h.seed('anthropic_claude_code', ['usage_date', 'line_key'], [ada.parent, bot.parent])
  await h.seed(
    'anthropic_claude_code_models',
    ['usage_date', 'line_key', 'model'],
    [...ada.models, ...bot.models],
  )
  await h.importMap(MAP_CSV)
}
