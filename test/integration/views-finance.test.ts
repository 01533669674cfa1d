// Finance and operations views on the seeded organization (views-harness.ts), against numbers
// computed by hand: monthly spend with month-over-month change and share, budget burn with its
// straight-line forecast, cache efficiency, and data freshness including the derived steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { budgetsSchema } from '../../src/identity/config.js'
import { writeBudgetsNow } from '../../src/pipeline/derive-budgets.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createViewsHarness, type ViewsHarness } from './views-harness.js'
import { D1, seedScenario } from './views-scenario.js'

const tmp = createTmpDirs()
let h: ViewsHarness

const BUDGETS = budgetsSchema.parse([
  { scope: 'provider', name: 'anthropic', period: 'month', amountUsd: '100', from: '2026-02' },
  { scope: 'team', name: 'platform', period: 'quarter', amountUsd: '150' },
  { scope: 'total', period: 'month', amountUsd: '50', from: '2026-03' },
])

beforeAll(async () => {
  h = await createViewsHarness(tmp.make())
  await seedScenario(h)
  const report = await h.derive({ budgets: BUDGETS })
  expect(report.status).toBe('succeeded')
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

describe('spend_monthly', () => {
  it('gives month totals per team and tool with month-over-month change and share', async () => {
    const rows = await h.query(`SELECT CAST(month AS VARCHAR) AS month, tool, team,
      CAST(cost_usd AS VARCHAR) AS cost, CAST(previous_month_usd AS VARCHAR) AS previous,
      CAST(mom_change_usd AS VARCHAR) AS change, mom_change_pct, share_of_month_pct
      FROM spend_monthly ORDER BY month, cost_usd DESC`)
    expect(rows).toEqual([
      row('2026-02-01', 'claude_api', 'platform', '4.000000000', null, '4.000000000', null, 100),
      row(
        '2026-03-01',
        'claude_api',
        'platform',
        '33.000000010',
        '4.000000000',
        '29.000000010',
        725,
        53.23,
      ),
      row('2026-03-01', 'claude_api', 'data', '15.000000000', null, '15.000000000', null, 24.19),
      row('2026-03-01', 'claude_code', 'platform', '6.000000000', null, '6.000000000', null, 9.68),
      row('2026-03-01', 'claude_api', 'Unmapped', '5.000000000', null, '5.000000000', null, 8.06),
      row('2026-03-01', 'claude_code', 'Unmapped', '3.000000000', null, '3.000000000', null, 4.84),
    ])
  })
})

function row(
  month: string,
  tool: string,
  team: string,
  cost: string,
  previous: string | null,
  change: string,
  momChangePct: number | null,
  sharePct: number,
) {
  return {
    month,
    tool,
    team,
    cost,
    previous,
    change,
    mom_change_pct: momChangePct,
    share_of_month_pct: sharePct,
  }
}

describe('budget_burn', () => {
  it('compares each started budget period with actual spend and forecasts the period end', async () => {
    const rows = await h.query(`SELECT budget_id, CAST(period_start AS VARCHAR) AS start,
      CAST(as_of AS VARCHAR) AS as_of, days_elapsed, days_in_period,
      CAST(actual_usd AS VARCHAR) AS actual, CAST(burn_rate_usd_per_day AS VARCHAR) AS rate,
      CAST(forecast_usd AS VARCHAR) AS forecast, pct_used, status
      FROM budget_burn ORDER BY budget_id, period_start`)
    expect(rows).toEqual([
      burn(
        'provider:anthropic:month:2026-02',
        '2026-02-01',
        '2026-02-28',
        28,
        28,
        '4.000000000',
        '0.140000000',
        '4.000000000',
        4,
        'on_track',
      ),
      burn(
        'provider:anthropic:month:2026-02',
        '2026-03-01',
        '2026-03-02',
        2,
        31,
        '62.000000010',
        '31.000000000',
        '961.000000000',
        62,
        'forecast_over',
      ),
      burn(
        'team:platform:quarter:always',
        '2026-01-01',
        '2026-03-02',
        61,
        90,
        '43.000000010',
        '0.700000000',
        '63.440000000',
        28.67,
        'on_track',
      ),
      burn(
        'total:*:month:2026-03',
        '2026-03-01',
        '2026-03-02',
        2,
        31,
        '62.000000010',
        '31.000000000',
        '961.000000000',
        124,
        'over_budget',
      ),
    ])
  })

  it('rewrites the budgets table whole: a budget removed from config disappears', async () => {
    const before = await h.query(`SELECT DISTINCT budget_id FROM budgets`)
    expect(before).toHaveLength(3)
    await writeBudgetsNow(h, BUDGETS.slice(0, 1)) // as `ai-usage migrate` can
    const after = await h.query<{ budget_id: string }>(`SELECT DISTINCT budget_id FROM budgets`)
    expect(after.map((r) => r.budget_id)).toEqual(['provider:anthropic:month:2026-02'])
    await h.derive({ budgets: BUDGETS })
  })
})

function burn(
  budgetId: string,
  start: string,
  asOf: string,
  daysElapsed: number,
  daysInPeriod: number,
  actual: string,
  rate: string,
  forecast: string,
  pctUsed: number,
  status: string,
) {
  return {
    budget_id: budgetId,
    start,
    as_of: asOf,
    days_elapsed: daysElapsed,
    days_in_period: daysInPeriod,
    actual,
    rate,
    forecast,
    pct_used: pctUsed,
    status,
  }
}

describe('cache_efficiency and data_freshness', () => {
  it('counts cache reads against all input, Claude Code rows not twice', async () => {
    const [d1] = await h.query(`SELECT input_tokens, cache_read_tokens, total_input_tokens,
      cache_read_share FROM cache_efficiency WHERE usage_date = DATE '${D1}'`)
    // API keys: uncached 100 + 300 + 50, cache reads 90 (the Claude Code key); 90 / 540.
    expect(d1).toEqual({
      input_tokens: 450,
      cache_read_tokens: 90,
      total_input_tokens: 540,
      cache_read_share: 0.166667,
    })
  })

  it('shows each source and derived step with its latest complete day and last success', async () => {
    const rows = await h.query(`SELECT vendor, resource, CAST(latest_complete_day AS VARCHAR)
      AS day, status FROM data_freshness WHERE vendor IN ('derived', 'import') ORDER BY 1, 2`)
    expect(rows).toEqual([
      { vendor: 'derived', resource: 'allocation', day: '2026-03-02', status: 'ok' },
      { vendor: 'derived', resource: 'budgets', day: null, status: 'ok' },
      { vendor: 'import', resource: 'identity-map', day: null, status: 'ok' },
    ])
  })
})
