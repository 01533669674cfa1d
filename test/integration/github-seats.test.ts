// Copilot seat snapshots and seat cost: history builds up across runs on different days, a
// second run on the same day changes nothing, and the configured monthly price is prorated so
// a seat held all month costs exactly the price.
import { afterEach, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../helpers/tmp.js'
import { createGithubHarness, fingerprint, type GithubHarness } from './github-harness.js'

const tmp = createTmpDirs()
let h: GithubHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const DAY_MS = 86_400_000
const SEATS = { only: ['github.seats'] }

async function snapshots(h: GithubHarness) {
  return h.warehouse.query<{ d: string; logins: string }>(
    `SELECT CAST(snapshot_date AS VARCHAR) AS d, string_agg(assignee_login, ',' ORDER BY assignee_login) AS logins
     FROM github_copilot_seats GROUP BY 1 ORDER BY 1`,
  )
}

const loginsNow = (h: GithubHarness) =>
  h.sim.truth
    .seats()
    .map((s) => (s.assignee as { login: string }).login)
    .sort()
    .join(',')

describe('GitHub Copilot seat snapshots', () => {
  it('accumulate one snapshot per day, idempotent within a day', async () => {
    h = await createGithubHarness(tmp.make(), { sim: { seed: 11 } })
    await h.run(SEATS)
    const first = loginsNow(h)
    const before = await fingerprint(h.warehouse, 'github_copilot_seats')
    h.clock.advance(3 * 3_600_000)
    expect((await h.run(SEATS)).status).toBe('succeeded')
    expect((await fingerprint(h.warehouse, 'github_copilot_seats')).rows).toBe(before.rows)
    const days: string[] = []
    for (let i = 0; i < 11; i++) {
      h.clock.advance(DAY_MS)
      await h.run(SEATS)
      days.push(loginsNow(h))
    }
    const rows = await snapshots(h)
    expect(rows).toHaveLength(12)
    expect(rows.map((r) => r.logins)).toEqual([first, ...days])
    // The seat list changes within these days (seats added or removed), and history keeps it.
    expect(new Set(rows.map((r) => r.logins)).size).toBeGreaterThan(1)
  })

  it('keeps last activity, editor, plan, pending cancellation and team per snapshot', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run(SEATS)
    const truth = h.sim.truth.seats()
    const rows = await h.warehouse.query<Record<string, unknown>>(
      `SELECT assignee_login, plan_type, CAST(pending_cancellation_date AS VARCHAR) AS pending,
              strftime(last_activity_at, '%Y-%m-%dT%H:%M:%SZ') AS last_at, last_activity_editor,
              assigning_team_slug FROM github_copilot_seats ORDER BY assignee_login`,
    )
    const expected = truth
      .map((s) => ({
        assignee_login: (s.assignee as { login: string }).login,
        plan_type: s.plan_type,
        pending: s.pending_cancellation_date,
        last_at: s.last_activity_at,
        last_activity_editor: s.last_activity_editor,
        assigning_team_slug: (s.assigning_team as { slug: string } | null)?.slug ?? null,
      }))
      .sort((a, b) => (a.assignee_login < b.assignee_login ? -1 : 1))
    expect(rows).toEqual(expected)
    expect(rows.some((r) => r.pending !== null)).toBe(true)
    expect(rows.some((r) => r.last_at === null)).toBe(true)
  })
})

describe('Copilot seat cost', () => {
  it('prorates the configured price per day so a full month sums to seats × price', async () => {
    h = await createGithubHarness(tmp.make(), { now: '2026-02-01T14:00:00Z', seatPriceUsd: '19' })
    for (let i = 0; i < 28; i++) {
      if (i > 0) h.clock.advance(DAY_MS)
      expect((await h.run(SEATS)).status).toBe('succeeded')
    }
    const perSeat = await h.warehouse.query<{ login: string; days: number; cost: string }>(
      `SELECT assignee_login AS login, count(*) AS days, CAST(sum(seat_daily_price_usd) AS VARCHAR) AS cost
       FROM github_copilot_seats GROUP BY 1`,
    )
    const fullMonth = perSeat.filter((s) => s.days === 28)
    expect(fullMonth.length).toBeGreaterThan(10)
    expect(new Set(fullMonth.map((s) => s.cost))).toEqual(new Set(['19.000000000']))
    const [view] = await h.warehouse.query<{ cost: string; seats: string; basis: string }>(
      `SELECT CAST(sum(cost_usd) AS VARCHAR) AS cost, CAST(sum(quantity) AS VARCHAR) AS seats,
              string_agg(DISTINCT basis, ',') AS basis
       FROM cost_daily WHERE provider = 'github' AND sku LIKE 'copilot_%_seat'`,
    )
    const [table] = await h.warehouse.query<{ cost: string; seat_days: string }>(
      `SELECT CAST(sum(seat_daily_price_usd) AS VARCHAR) AS cost, CAST(count(*) AS VARCHAR) AS seat_days
       FROM github_copilot_seats`,
    )
    expect(view).toEqual({
      cost: table!.cost,
      seats: `${table!.seat_days}.000000000`,
      basis: 'invoiced',
    })
  })

  it('adds no seat cost when no price is configured', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run(SEATS)
    const [row] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) AS n FROM cost_daily WHERE provider = 'github'`,
    )
    expect(row!.n).toBe(0)
  })
})
