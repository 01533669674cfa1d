// Cursor history: the API serves a rolling window only, so what a later run no longer sees
// must stay captured; members keep first/last-seen dates; seat cost is exact per period.
import { afterEach, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { dollars, sum, toDecimalString, type Money } from '../../src/core/money.js'
import { dayShare } from '../../src/sources/cursor/seat-prices.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createCursorHarness, cursorCostByDay, type CursorHarness } from './cursor-harness.js'

const tmp = createTmpDirs()
let h: CursorHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const TEN_DAYS = 10 * 86_400_000
const fmt = (m: Map<string, Money>, days: string[]) =>
  days.map((d) => `${d} ${toDecimalString(m.get(d) ?? (0n as Money))}`)

async function oldDayRows(warehouse: CursorHarness['warehouse'], to: string) {
  return warehouse.query<{ t: string; n: number }>(
    `SELECT 'daily' AS t, count(*) AS n FROM cursor_daily_usage WHERE usage_date <= DATE '${to}'
     UNION ALL SELECT 'events', count(*) FROM cursor_usage_events WHERE usage_date <= DATE '${to}'
     ORDER BY 1`,
  )
}

describe('Cursor history under a rolling retention window', () => {
  it('keeps days the API no longer serves when a later run re-reads them', async () => {
    h = await createCursorHarness(tmp.make(), { sim: { retentionDays: 20 } })
    const only = ['cursor.daily_usage', 'cursor.usage_events']
    expect((await h.run({ initialDays: 20, only })).status).toBe('succeeded')
    const old = daysIn({ from: '2026-02-23', to: '2026-03-04' })
    const before = await cursorCostByDay(h.warehouse)
    const rowsBefore = await oldDayRows(h.warehouse, '2026-03-04')
    expect(fmt(before, old)).toEqual(fmt(h.sim.truth.chargedByDay(old[0]!, old.at(-1)!), old))

    h.clock.advance(TEN_DAYS)
    expect(h.sim.truth.retentionStart()).toBe('2026-03-05')
    // A re-read of the old days: the first ten now come back empty.
    const report = await h.run({ from: '2026-02-23', to: '2026-03-06', only })
    expect(report.status).toBe('succeeded')
    const empty = h.sim.requests.filter(
      (r) =>
        r.path === '/teams/daily-usage-data' &&
        (r.body as { startDate: number }).startDate === Date.parse('2026-02-23T00:00:00Z'),
    )
    expect(empty.length).toBeGreaterThan(1)

    expect(await oldDayRows(h.warehouse, '2026-03-04')).toEqual(rowsBefore)
    expect(fmt(await cursorCostByDay(h.warehouse), old)).toEqual(fmt(before, old))
    expect(rowsBefore.every((r) => Number(r.n) > 0)).toBe(true)
  })

  it('keeps removed members and first-seen days the API has forgotten', async () => {
    h = await createCursorHarness(tmp.make(), { sim: { retentionDays: 30 } })
    const only = ['cursor.members', 'cursor.daily_usage']
    await h.run({ initialDays: 30, only })
    h.clock.advance(TEN_DAYS)
    await h.run({ only })
    const members = await h.warehouse.query<{
      user_email: string
      first_seen_date: string
      last_seen_date: string
      is_removed: boolean
    }>(
      `SELECT user_email, CAST(first_seen_date AS VARCHAR) AS first_seen_date,
              CAST(last_seen_date AS VARCHAR) AS last_seen_date, is_removed
       FROM cursor_members ORDER BY user_email`,
    )
    const byEmail = new Map(members.map((m) => [m.user_email, m]))
    // Served from 2026-02-13 at the first run, from 2026-02-23 at the second.
    expect(byEmail.get('omar.rossi@acme-robotics.example')).toMatchObject({
      first_seen_date: '2026-02-13',
      last_seen_date: '2026-03-25',
      is_removed: false,
    })
    expect(byEmail.get('ravi.rossi@acme-robotics.example')).toMatchObject({
      first_seen_date: '2026-02-13',
      last_seen_date: '2026-02-24',
      is_removed: true,
    })
    expect(byEmail.get('diego.singh@acme-robotics.example')).toMatchObject({
      first_seen_date: '2026-02-23',
    })
    expect(members.length).toBe(h.sim.truth.members().length + 1)
  })
})

describe('Cursor seat cost', () => {
  it('prorates the seat price per day so a month adds up exactly, free owners excluded', async () => {
    h = await createCursorHarness(tmp.make(), { config: { seatPriceUsd: '40.00' } })
    const only = ['cursor.members', 'cursor.daily_usage', 'cursor.seat_prices']
    expect((await h.run({ initialDays: 60, only })).status).toBe('succeeded')
    const rows = await h.warehouse.query<{ account_id: string; c: string; days: number }>(
      `SELECT account_id, CAST(sum(cost_usd) AS VARCHAR) AS c, count(*) AS days FROM cost_daily
       WHERE provider = 'cursor' AND basis = 'invoiced' AND sku = 'seat'
         AND usage_date BETWEEN DATE '2026-02-01' AND DATE '2026-02-28' GROUP BY 1`,
    )
    const loaded = new Map(rows.map((r) => [r.account_id, dollars(r.c)]))
    const price = dollars('40.00')
    const expected = new Map<string, Money>()
    for (const m of h.sim.truth.roster()) {
      if (m.role === 'free-owner') continue
      const held = daysIn({ from: '2026-02-01', to: '2026-02-28' }).filter(
        (d) => d >= m.joinDay && (m.removedDay === undefined || d < m.removedDay),
      )
      if (held.length) expected.set(m.email, sum(held.map((d) => dayShare(d, price, 1))))
    }
    expect(Object.fromEntries([...loaded].map(([k, v]) => [k, toDecimalString(v)]))).toEqual(
      Object.fromEntries([...expected].map(([k, v]) => [k, toDecimalString(v)])),
    )
    expect(toDecimalString(loaded.get('omar.rossi@acme-robotics.example')!)).toBe('40.000000000')
    expect(loaded.has('ines.okafor@acme-robotics.example')).toBe(false)
    const partial = loaded.get('ravi.rossi@acme-robotics.example')!
    expect(partial > 0n && partial < price).toBe(true)
    // Seat lines are invoiced, never vendor-reported (cursor-pipeline.test.ts runs with a seat
    // price and still matches the true on-demand spend to the nano-dollar).
    const bases = await h.warehouse.query<{ basis: string }>(
      `SELECT DISTINCT basis FROM cost_daily WHERE provider = 'cursor'`,
    )
    expect(bases).toEqual([{ basis: 'invoiced' }])
  })
})
