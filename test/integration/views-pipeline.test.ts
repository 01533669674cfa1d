// The allocation step inside real runs: the Anthropic simulator over HTTP, the real pipeline
// and DuckDB. Every allocated day sums back to the vendor-reported spend exactly (and so to
// the simulator's truth), a re-run changes no allocated row, and a later run re-allocates only
// the days it re-read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/days.js'
import { toDecimalString, ZERO, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { costByDay, createHarness, tableFingerprint, type Harness } from './anthropic-harness.js'

const tmp = createTmpDirs()
let h: Harness
const FROM = '2026-02-12'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z

beforeAll(async () => {
  h = await createHarness(tmp.make())
  const report = await h.run({ from: FROM, to: TO })
  expect(report.status).toBe('succeeded')
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

describe('allocation in the pipeline', () => {
  it('allocates every day so spend by team equals the vendor total and the truth exactly', async () => {
    const rows = await h.warehouse.query<{ d: string; c: string }>(`SELECT
      CAST(usage_date AS VARCHAR) AS d, CAST(SUM(cost_usd) AS VARCHAR) AS c
      FROM spend_by_team_daily WHERE provider = 'anthropic' AND source_basis = 'vendor_reported'
      GROUP BY usage_date`)
    const byTeam = new Map(rows.map((r) => [r.d, r.c]))
    const vendor = await costByDay(h.warehouse)
    const truth = h.sim.truth.costByDay(FROM, TO)
    const zero = '0.000000000'
    const days = [...truth.keys()]
    const fmt = (m: Map<string, Money>) =>
      days.map((d) => `${d} ${toDecimalString(m.get(d) ?? ZERO)}`)
    expect(days.map((d) => `${d} ${byTeam.get(d) ?? zero}`)).toEqual(fmt(truth))
    expect(fmt(vendor)).toEqual(fmt(truth))
    const allocated = await h.warehouse.query(`SELECT 1 FROM attributed_cost_daily
      WHERE provider = 'anthropic' AND basis <> 'allocated'`)
    expect(allocated).toEqual([])
  })

  it('splits the Claude Code workspace by Claude Code users and the rest by API keys', async () => {
    const methods = await h.warehouse.query<{ tool: string; method: string }>(`SELECT DISTINCT
      tool, method FROM allocated_cost_daily WHERE model IS NOT NULL ORDER BY tool, method`)
    expect(methods).toEqual([
      { tool: 'claude_api', method: 'token_share' },
      { tool: 'claude_code', method: 'claude_code_share' },
    ])
    // Code execution on a day its workspace sent no tokens has no one to split by: it stays
    // whole on the workspace (shown as Unmapped), never dropped.
    const parked = await h.warehouse.query<{ sku: string; identity_type: string }>(`SELECT DISTINCT
      sku, identity_type FROM allocated_cost_daily WHERE method = 'unattributed'`)
    expect(parked.every((p) => p.sku === 'code_execution' && p.identity_type === 'account')).toBe(
      true,
    )
  })

  it('a re-run of the same window leaves every allocated row as it was', async () => {
    const before = await tableFingerprint(h.warehouse, 'allocated_cost_daily')
    const again = await h.run({ from: FROM, to: TO })
    expect(again.status).toBe('succeeded')
    expect(await tableFingerprint(h.warehouse, 'allocated_cost_daily')).toEqual(before)
    expect(before.rows).toBeGreaterThan(1000)
  })

  it('a run a day later re-allocates only the days it re-read', async () => {
    h.clock.advance(86_400_000)
    const report = await h.run()
    const step = report.resources.find((r) => r.vendor === 'derived')
    expect(step).toMatchObject({
      resource: 'allocation',
      status: 'succeeded',
      window: { from: addDays(TO, -2), to: addDays(TO, 1) },
    })
  })
})
