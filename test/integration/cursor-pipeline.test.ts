// Cursor end to end: real HTTP to the simulator, the real pipeline, real DuckDB, one fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { tableFingerprint } from './anthropic-harness.js'
import {
  createCursorHarness,
  cursorCostByDay,
  cursorCostByDayAndPerson,
  type CursorHarness,
} from './cursor-harness.js'

// One harness and one 30-day run for the whole file (a run takes seconds); the tests read it
// in order, and only the last one moves the clock.
const tmp = createTmpDirs()
let h: CursorHarness
beforeAll(async () => {
  h = await createCursorHarness(tmp.make(), {
    config: { seatPriceUsd: '40.00' },
    deps: { usersPerPage: 7, eventsPageSize: 300 },
  })
  const report = await h.run()
  expect(report.status).toBe('succeeded')
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

const FROM = '2026-02-13'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:05Z; 30 days
const TABLES = [
  'cursor_member_snapshots',
  'cursor_daily_usage',
  'cursor_spend_snapshots',
  'cursor_usage_events',
  'cursor_seat_prices',
]

const fmt = (m: Map<string, Money>, keys: string[]) =>
  keys.map((k) => `${k} ${toDecimalString(m.get(k) ?? (0n as Money))}`)

describe('Cursor pipeline into DuckDB', () => {
  it('puts the true on-demand charges in cost_daily, to the nano-dollar, per day and per person', async () => {
    const days = daysIn({ from: FROM, to: TO })
    expect(fmt(await cursorCostByDay(h.warehouse), days)).toEqual(
      fmt(h.sim.truth.chargedByDay(FROM, TO), days),
    )
    const truth = new Map<string, Money>()
    for (const [day, people] of h.sim.truth.chargedByDayAndPerson(FROM, TO))
      for (const [email, m] of people) truth.set(`${day} ${email}`, m)
    const loaded = await cursorCostByDayAndPerson(h.warehouse)
    const keys = [...new Set([...truth.keys(), ...loaded.keys()])].sort()
    expect(keys.length).toBeGreaterThan(60)
    expect(fmt(loaded, keys)).toEqual(fmt(truth, keys))
  })

  it('counts every event once, two same-millisecond events as two', async () => {
    const [row] = await h.warehouse.query<{ n: number; same: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE occurrence > 0) AS same FROM cursor_usage_events
       WHERE usage_date BETWEEN DATE '${FROM}' AND DATE '${TO}'`,
    )
    expect(Number(row!.n)).toBe(h.sim.truth.eventCount(FROM, TO))
    expect(Number(row!.same)).toBeGreaterThan(10)
  })

  it('keeps dense daily rows (inactive seats too), keyed by day, paging users to the end', async () => {
    const rows = await h.warehouse.query<{ d: string; n: number; active: number }>(
      `SELECT CAST(usage_date AS VARCHAR) AS d, count(*) AS n, count(*) FILTER (WHERE is_active) AS active
       FROM cursor_daily_usage GROUP BY 1 ORDER BY 1`,
    )
    const expected = daysIn({ from: FROM, to: TO }).map((d) => {
      const truth = h.sim.truth.dailyUsage(d)
      return { d, n: truth.length, active: truth.filter((r) => r.isActive).length }
    })
    expect(rows.map((r) => ({ ...r, n: Number(r.n), active: Number(r.active) }))).toEqual(expected)
    expect(expected.every((e) => e.active < e.n)).toBe(true)
    const requests = h.sim.requests.filter((r) => r.path === '/teams/daily-usage-data')
    const pages = requests.map((r) => (r.body as { page: number }).page)
    const users = new Set(h.sim.truth.dailyUsage(FROM).map((r) => r.userId))
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(Math.ceil(users.size / 7))
    expect(pages.filter((p) => p === 1)).toHaveLength(1)
    expect(requests.every((r) => r.status === 200)).toBe(true)
  })

  it('gives usage_daily the events tokens and requests per person per day', async () => {
    const rows = await h.warehouse.query<{
      k: string
      input: number
      read: number
      requests: number
    }>(
      `SELECT CAST(usage_date AS VARCHAR) || ' ' || subject AS k, sum(input_tokens) AS input,
              sum(cache_read_tokens) AS read, sum(requests) AS requests
       FROM usage_daily WHERE provider = 'cursor' GROUP BY 1`,
    )
    const truth = new Map<string, { input: number; read: number; requests: number }>()
    for (const e of h.sim.truth.events(FROM, TO)) {
      const t = truth.get(`${e.day} ${e.email}`) ?? { input: 0, read: 0, requests: 0 }
      t.input += e.tokens?.input ?? 0
      t.read += e.tokens?.cacheRead ?? 0
      t.requests += 1
      truth.set(`${e.day} ${e.email}`, t)
    }
    const loaded = new Map(
      rows.map((r) => [
        r.k,
        { input: Number(r.input ?? 0), read: Number(r.read ?? 0), requests: Number(r.requests) },
      ]),
    )
    expect(loaded.size).toBe(truth.size)
    expect(Object.fromEntries(loaded)).toEqual(Object.fromEntries(truth))
  })

  it('re-running a window changes nothing', async () => {
    const before = await Promise.all(TABLES.map((t) => tableFingerprint(h.warehouse, t)))
    // The last two weeks (a full re-run takes the same path, only longer).
    const again = await h.run({ from: '2026-03-01', to: TO })
    expect(again.status).toBe('succeeded')
    expect(await Promise.all(TABLES.map((t) => tableFingerprint(h.warehouse, t)))).toEqual(before)
    expect(before.every((f) => f.rows > 0)).toBe(true)
  })

  it('a later run re-reads only the lookback window, with Basic auth and epoch-ms bodies', async () => {
    const seen = h.sim.requests.length
    h.clock.advance(86_400_000)
    const report = await h.run()
    expect(report.status).toBe('succeeded')
    const events = report.resources.find((r) => r.resource === 'usage_events')!
    expect(events.window).toEqual({ from: '2026-03-12', to: '2026-03-15' })
    const bodies = h.sim.requests
      .slice(seen)
      .filter((r) => r.path === '/teams/filtered-usage-events')
      .map((r) => r.body as { startDate: number; endDate: number; page: number })
      .filter((b) => b.page === 1)
    expect(bodies.every((b) => b.endDate - b.startDate === 86_399_999)).toBe(true)
    expect(bodies.map((b) => new Date(b.startDate).toISOString().slice(0, 10))).toEqual(
      daysIn({ from: '2026-03-12', to: '2026-03-15' }),
    )
    expect(h.sim.requests.every((r) => r.status === 200)).toBe(true)
    const days = daysIn({ from: FROM, to: '2026-03-15' })
    expect(fmt(await cursorCostByDay(h.warehouse), days)).toEqual(
      fmt(h.sim.truth.chargedByDay(FROM, '2026-03-15'), days),
    )
  })
})
