// Anthropic end to end: real HTTP to the simulator, the real pipeline, real DuckDB.
import { afterEach, describe, expect, it } from 'vitest'
import { addDays, daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  costByDay,
  costReportRequests,
  createHarness,
  tableFingerprint,
  type Harness,
} from './anthropic-harness.js'

const tmp = createTmpDirs()
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const FROM = '2026-01-29'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z

function expectEqualByDay(
  actual: Map<string, Money>,
  expected: Map<string, Money>,
  days: string[],
) {
  const fmt = (m: Map<string, Money>) =>
    days.map((d) => `${d} ${toDecimalString(m.get(d) ?? (0n as Money))}`)
  expect(fmt(actual)).toEqual(fmt(expected))
}

describe('Anthropic pipeline into DuckDB', () => {
  it('loads 45 days whose spend equals the simulator truth exactly, every day', async () => {
    h = await createHarness(tmp.make())
    const report = await h.run()
    expect(report.status).toBe('succeeded')
    const days = daysIn({ from: FROM, to: TO })
    expectEqualByDay(await costByDay(h.warehouse), h.sim.truth.costByDay(FROM, TO), days)
  })

  it('reads every 7-bucket page to the end', async () => {
    h = await createHarness(tmp.make())
    await h.run({ only: ['anthropic.cost_report'] })
    const requests = costReportRequests(h.sim)
    // 45 days = a 31-day chunk (5 pages of ≤7 buckets) + a 14-day chunk (2 pages).
    expect(requests).toHaveLength(7)
    expect(requests.filter((r) => r.query.page).length).toBe(5)
    expect(
      requests.every((r) => r.query['group_by[]']?.join(',') === 'workspace_id,description'),
    ).toBe(true)
  })

  it('re-running the same window changes nothing', async () => {
    h = await createHarness(tmp.make())
    await h.run()
    const tables = [
      'anthropic_cost_report',
      'anthropic_messages_usage',
      'anthropic_claude_code',
      'anthropic_claude_code_models',
      'anthropic_api_keys',
    ]
    const before = await Promise.all(tables.map((t) => tableFingerprint(h!.warehouse, t)))
    const again = await h.run({ from: FROM, to: TO })
    expect(again.status).toBe('succeeded')
    expect(await Promise.all(tables.map((t) => tableFingerprint(h!.warehouse, t)))).toEqual(before)
    expect(before.every((f) => f.rows > 0)).toBe(true)
  })

  it('a run a day later fetches only the lookback window and the new day', async () => {
    h = await createHarness(tmp.make())
    await h.run()
    const seen = h.sim.requests.length
    h.clock.advance(86_400_000)
    const report = await h.run()
    expect(report.resources.find((r) => r.resource === 'cost_report')?.window).toEqual({
      from: addDays(TO, -2),
      to: addDays(TO, 1),
    })
    const starts = new Set(
      h.sim.requests
        .slice(seen)
        .filter((r) => r.path.endsWith('/claude_code'))
        .map((r) => r.query.starting_at?.[0]),
    )
    expect([...starts].sort()).toEqual(daysIn({ from: addDays(TO, -2), to: addDays(TO, 1) }))
    const cost = costReportRequests(h.sim).slice(-1)[0]!
    expect(cost.query.starting_at?.[0]).toBe(`${addDays(TO, -2)}T00:00:00Z`)
    // Revised recent days are replaced, not doubled: still exactly the truth at the new "now".
    expectEqualByDay(
      await costByDay(h.warehouse),
      h.sim.truth.costByDay(FROM, addDays(TO, 1)),
      daysIn({ from: FROM, to: addDays(TO, 1) }),
    )
  })

  it('keeps empty days empty and the Default workspace as its own account', async () => {
    h = await createHarness(tmp.make(), { historyDays: 20 })
    const report = await h.run()
    expect(report.status).toBe('succeeded')
    const loaded = await costByDay(h.warehouse)
    const truth = h.sim.truth.costByDay(FROM, TO)
    const empty = [...truth].filter(([, v]) => v === 0n).map(([d]) => d)
    expect(empty.length).toBeGreaterThan(10)
    expect(empty.every((d) => !loaded.has(d))).toBe(true)
    const accounts = await h.warehouse.query<{ account_id: string; account_name: string }>(
      `SELECT DISTINCT account_id, account_name FROM cost_daily`,
    )
    expect(accounts).toContainEqual({ account_id: 'default', account_name: 'Default workspace' })
    expect(accounts.length).toBeGreaterThan(1)
  })

  it('never adds the Claude Code estimate to spend', async () => {
    h = await createHarness(tmp.make())
    await h.run()
    const [est] = await h.warehouse.query<{ n: string }>(
      `SELECT CAST(sum(estimated_cost_usd) AS STRING) AS n FROM anthropic_claude_code_models`,
    )
    expect(Number(est!.n)).toBeGreaterThan(0)
    const total = [...(await costByDay(h.warehouse)).values()].reduce((a, b) => a + b, 0n)
    expect(total).toBe(h.sim.truth.costTotal(FROM, TO))
  })

  it('usage_daily tokens equal the simulator tokens per day', async () => {
    h = await createHarness(tmp.make())
    await h.run()
    const rows = await h.warehouse.query<{
      d: string
      input: number
      output: number
      read: number
      write: number
    }>(
      `SELECT CAST(usage_date AS STRING) AS d, sum(input_tokens) AS input, sum(output_tokens) AS output, sum(cache_read_tokens) AS read, sum(cache_write_tokens) AS write
       FROM usage_daily WHERE service = 'claude_api' GROUP BY 1 ORDER BY 1`,
    )
    const truth = h.sim.truth.tokensByDay(FROM, TO)
    for (const r of rows) {
      const t = truth.get(r.d)!
      expect([r.d, Number(r.input), Number(r.output), Number(r.read), Number(r.write)]).toEqual([
        r.d,
        t.uncachedInput,
        t.output,
        t.cacheRead,
        t.cacheCreation5m + t.cacheCreation1h,
      ])
    }
    expect(rows.length).toBeGreaterThan(40)
  })
})
