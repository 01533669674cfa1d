// Anthropic under faults: 429s and 5xx are retried, a crash between staging and commit loses
// and doubles nothing, and a malformed page fails only its resource with a located error.
import { afterEach, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { costByDay, createHarness, type Harness } from './anthropic-harness.js'

const tmp = createTmpDirs()
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const FROM = '2026-01-29'
const TO = '2026-03-14'

async function expectTruth(harness: Harness) {
  const loaded = await costByDay(harness.warehouse)
  const truth = harness.sim.truth.costByDay(FROM, TO)
  const days = daysIn({ from: FROM, to: TO })
  expect(days.map((d) => toDecimalString(loaded.get(d) ?? (0n as never)))).toEqual(
    days.map((d) => toDecimalString(truth.get(d)!)),
  )
}

describe('Anthropic pipeline under faults', () => {
  it('retries 429 (honouring retry-after) and 5xx, then loads everything', async () => {
    h = await createHarness(tmp.make())
    h.sim.faults.failNext(2, {
      status: 429,
      retryAfterSeconds: 7,
      path: '/v1/organizations/cost_report',
    })
    h.sim.faults.failNext(1, { status: 529, path: '/v1/organizations/usage_report/messages' })
    h.sim.faults.failNext(1, { status: 500, path: '/v1/organizations/usage_report/claude_code' })
    const report = await h.run()
    expect(report.status).toBe('succeeded')
    const retries = Object.fromEntries(report.resources.map((r) => [r.resource, r.retries]))
    expect(retries).toMatchObject({ cost_report: 2, messages_usage: 1, claude_code: 1 })
    expect(h.clock.sleeps.filter((ms) => ms === 7000)).toHaveLength(2)
    await expectTruth(h)
    const [runs] = await h.warehouse.query<{ retries: number }>(
      `SELECT retries FROM pipeline_runs WHERE resource = 'cost_report'`,
    )
    expect(Number(runs!.retries)).toBe(2)
  })

  it('a crash between staging and commit loses nothing and a re-run doubles nothing', async () => {
    h = await createHarness(tmp.make())
    let costLoads = 0
    await h.reopen({
      beforeCommit: (req) => {
        if (req.tables[0]?.table === 'anthropic_cost_report' && ++costLoads === 2)
          throw new Error('simulated crash before COMMIT')
      },
    })
    const first = await h.run()
    const cost = first.resources.find((r) => r.resource === 'cost_report')!
    expect(cost.status).toBe('failed')
    expect(first.status).toBe('partial')
    // The first chunk (31 days) committed with its cursor; the second left no trace.
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBe('2026-02-28')
    const [partial] = await h.warehouse.query<{ days: number }>(
      `SELECT count(DISTINCT usage_date) AS days FROM anthropic_cost_report WHERE usage_date > DATE '2026-02-28'`,
    )
    expect(Number(partial!.days)).toBe(0)

    await h.reopen()
    const second = await h.run()
    expect(second.status).toBe('succeeded')
    await expectTruth(h)
    const [dupes] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT usage_date, line_key FROM anthropic_cost_report GROUP BY ALL HAVING count(*) > 1)`,
    )
    expect(Number(dupes!.n)).toBe(0)
    const failed = await h.warehouse.query<{ status: string }>(
      `SELECT status FROM _ingest_loads WHERE resource = 'cost_report' AND status = 'failed'`,
    )
    expect(failed).toHaveLength(1)
  })

  it('a malformed page fails only its resource, naming resource, day and field', async () => {
    h = await createHarness(tmp.make())
    const bad = {
      data: [
        {
          starting_at: `${FROM}T00:00:00Z`,
          ending_at: '2026-01-30T00:00:00Z',
          results: [{ amount: 12.5, currency: 'USD' }],
        },
      ],
      has_more: false,
      next_page: null,
    }
    h.sim.faults.failNext(1, { status: 200, body: bad, path: '/v1/organizations/cost_report' })
    const report = await h.run()
    expect(report.status).toBe('partial')
    const cost = report.resources.find((r) => r.resource === 'cost_report')!
    expect(cost.status).toBe('failed')
    expect(cost.error?.code).toBe('SOURCE_PAYLOAD')
    expect(cost.error?.message).toMatch(/cost_report/)
    expect(cost.error?.message).toMatch(/results\.0\.amount/)
    expect(cost.error?.message).toMatch(/2026-01-29/)
    expect(
      report.resources.filter((r) => r.vendor === 'anthropic' && r.status === 'succeeded'),
    ).toHaveLength(6)
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBeUndefined()
    // The next run retries the failed window automatically.
    const next = await h.run()
    expect(next.status).toBe('succeeded')
    await expectTruth(h)
  })

  it('an auth failure says which key to check and never prints it', async () => {
    h = await createHarness(tmp.make())
    h.sim.faults.failNext(100, { status: 401 })
    const report = await h.run({ only: ['anthropic.cost_report'] })
    const cost = report.resources[0]!
    expect(cost.error?.code).toBe('SOURCE_AUTH')
    expect(cost.error?.message).toMatch(/ANTHROPIC_ADMIN_API_KEY/)
    const everything = JSON.stringify(report) + JSON.stringify(h.logger.entries)
    expect(everything).not.toContain(h.sim.apiKey)
  })
})
