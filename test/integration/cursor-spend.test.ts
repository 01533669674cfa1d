// Cursor spend snapshots: deltas per person that agree with the usage events, restart at a
// billing-cycle rollover, and flag (never clamp) a decrease.
import { afterEach, describe, expect, it } from 'vitest'
import { cents as centsOf, dollars, toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createCursorHarness, type CursorHarness } from './cursor-harness.js'

const tmp = createTmpDirs()
let h: CursorHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const DAY_MS = 86_400_000
const ONLY = ['cursor.spend', 'cursor.usage_events']
const usd = (m: Money) => toDecimalString(m)

type CheckRow = {
  user_email: string
  spend_delta_usd: string
  delta_minus_events_usd: string
  cycle_spend_usd: string
  cycle_gap_usd: string
  has_negative_delta: boolean
  has_cycle_start_baseline: boolean
}

async function checkOf(warehouse: CursorHarness['warehouse'], day: string) {
  const rows = await warehouse.query<CheckRow>(
    `SELECT user_email, CAST(spend_delta_usd AS VARCHAR) AS spend_delta_usd,
            CAST(delta_minus_events_usd AS VARCHAR) AS delta_minus_events_usd,
            CAST(cycle_spend_usd AS VARCHAR) AS cycle_spend_usd,
            CAST(cycle_gap_usd AS VARCHAR) AS cycle_gap_usd, has_negative_delta, has_cycle_start_baseline
     FROM cursor_spend_check_daily WHERE check_date = CAST($day AS DATE) ORDER BY user_email`,
    { params: { day } },
  )
  return new Map(rows.map((r) => [r.user_email, r]))
}

/** What /teams/spend says now, per person (on-demand, cumulative over the cycle). */
function truthSpend(h: CursorHarness): Map<string, Money> {
  return new Map(h.sim.truth.spendSnapshot().members.map((m) => [m.email, m.spend]))
}

describe('Cursor spend deltas', () => {
  it('agree with the usage events, per person, snapshot after snapshot', async () => {
    // Runs at midnight: no event of the new day is visible yet, so a snapshot and the events of
    // the days loaded with it cover exactly the same charges.
    h = await createCursorHarness(tmp.make(), { now: '2026-03-16T00:00:00Z' })
    const previous = new Map<string, Money>()
    for (const day of ['2026-03-16', '2026-03-17', '2026-03-18']) {
      if (day !== '2026-03-16') h.clock.advance(DAY_MS)
      expect((await h.run({ initialDays: 25, only: ONLY })).status).toBe('succeeded')
      const check = await checkOf(h.warehouse, day)
      const truth = truthSpend(h)
      expect(check.size).toBe(truth.size)
      for (const [email, spend] of truth) {
        const row = check.get(email)!
        expect([email, row.cycle_spend_usd, row.cycle_gap_usd]).toEqual([
          email,
          usd(spend),
          '0.000000000',
        ])
        const delta = spend - (previous.get(email) ?? 0n)
        expect([email, row.spend_delta_usd]).toEqual([email, usd(delta as Money)])
        previous.set(email, spend)
      }
    }
    // Summed over the cycle, deltas minus events nets to zero for everyone.
    const nets = await h.warehouse.query<{ user_email: string; net: string; total: string }>(
      `SELECT user_email, CAST(sum(delta_minus_events_usd) AS VARCHAR) AS net,
              CAST(sum(spend_delta_usd) AS VARCHAR) AS total
       FROM cursor_spend_check_daily GROUP BY 1`,
    )
    expect(nets.every((r) => dollars(r.net) === 0n)).toBe(true)
    expect(nets.filter((r) => dollars(r.total) > 0n).length).toBeGreaterThan(2)
  })

  it('restart from zero at a billing-cycle rollover instead of going negative', async () => {
    // The seeded cycle starts on the 20th at 16:23Z.
    h = await createCursorHarness(tmp.make(), { now: '2026-03-20T00:00:00Z' })
    await h.run({ initialDays: 3, only: ONLY })
    const before = truthSpend(h)
    h.clock.advance(DAY_MS)
    expect(new Date(h.sim.truth.cycleStart()).toISOString()).toBe('2026-03-20T16:23:00.000Z')
    await h.run({ only: ONLY })
    const after = truthSpend(h)
    const check = await checkOf(h.warehouse, '2026-03-21')
    const dropped = [...after].filter(([email, spend]) => spend < (before.get(email) ?? 0n))
    expect(dropped.length).toBeGreaterThan(0) // a naive "now − before" would go negative
    for (const [email, spend] of after) {
      const row = check.get(email)!
      expect([
        email,
        row.spend_delta_usd,
        row.has_cycle_start_baseline,
        row.has_negative_delta,
      ]).toEqual([email, usd(spend), true, false])
      expect([email, row.cycle_gap_usd]).toEqual([email, '0.000000000'])
    }
  })

  it('flag a decrease within a cycle and keep it as is (never clamped to zero)', async () => {
    h = await createCursorHarness(tmp.make())
    const snapshot = (capturedAt: string, cents: string) => ({
      captured_at: capturedAt,
      user_email: 'sam@company.example',
      captured_date: capturedAt.slice(0, 10),
      cycle_start: '2026-03-03T20:33:00.000Z',
      spend_cents: cents,
      spend_usd: toDecimalString(centsOf(cents)),
      raw_json: '{}',
    })
    await h.warehouse.load({
      tables: [
        {
          table: 'cursor_spend_snapshots',
          disposition: 'merge',
          primaryKey: ['captured_at', 'user_email'],
          rows: [
            snapshot('2026-03-10T14:00:00.000Z', '1000'),
            snapshot('2026-03-11T14:00:00.000Z', '750'),
            snapshot('2026-03-12T14:00:00.000Z', '900'),
          ],
        },
      ],
      record: {
        ...{ runId: 'run_t', loadId: 'load_t', vendor: 'cursor', resource: 'spend' },
        ...{ pages: 1, rows: 3, retries: 0, durationMs: 0, status: 'succeeded' },
        ...{ startedAt: '2026-03-12T14:00:00.000Z', finishedAt: '2026-03-12T14:00:00.000Z' },
      },
    })
    const rows = await h.warehouse.query<{ d: string; neg: boolean; base: boolean }>(
      `SELECT CAST(spend_delta_usd AS VARCHAR) AS d, is_negative_delta AS neg,
              is_cycle_start_baseline AS base
       FROM cursor_spend_deltas ORDER BY captured_at`,
    )
    expect(rows).toEqual([
      { d: '10.000000000', neg: false, base: true },
      { d: '-2.500000000', neg: true, base: false },
      { d: '1.500000000', neg: false, base: false },
    ])
    const [day] = await h.warehouse.query<{ flagged: boolean }>(
      `SELECT has_negative_delta AS flagged FROM cursor_spend_check_daily
       WHERE check_date = DATE '2026-03-11'`,
    )
    expect(day).toEqual({ flagged: true })
  })
})
