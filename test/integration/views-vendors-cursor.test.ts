// Cursor in the identity, spend and adoption views: the simulator over real HTTP, the real
// pipeline and DuckDB, and an identity map placing some members in teams. Cursor's money
// names its member (account_id = email), so it is attributed whole (no split, no remainder),
// each person's spend is the simulator's per-person truth, and the dense daily rows give
// seats, active people and the Tab / apply counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import type { Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createCursorHarness, type CursorHarness } from './cursor-harness.js'
import {
  addTo,
  adoption,
  importIdentityMap,
  lines,
  productivity,
  remainders,
  spendAgainstCost,
  spendByDayAndPerson,
} from './views-vendors-checks.js'

const tmp = createTmpDirs()
let h: CursorHarness
const FROM = '2026-03-01'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:05Z; 14 days
const DAYS = daysIn({ from: FROM, to: TO })
const TEAMS = ['platform', 'data', 'mobile']

beforeAll(async () => {
  const dir = tmp.make()
  h = await createCursorHarness(dir, { config: { seatPriceUsd: '40.00' } })
  const report = await h.run({ initialDays: DAYS.length })
  expect(report.status).toBe('succeeded')
  // Every other member in a team; the rest resolve by their own email, team Unmapped.
  const map = h.sim.truth
    .roster()
    .filter((_, i) => i % 2 === 0)
    .map((m, i) => ({ identity: m.email, email: m.email, team: TEAMS[i % TEAMS.length]! }))
  await importIdentityMap(h, dir, map)
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

describe('Cursor feeds the spend views', () => {
  it('attributes every dollar of cost_daily, per day and basis, with nothing left over', async () => {
    const { cost, spend } = await spendAgainstCost(h.warehouse, 'cursor')
    expect(cost.some((l) => l.includes(' invoiced '))).toBe(true)
    expect(cost.filter((l) => l.includes(' vendor_reported ')).length).toBe(DAYS.length)
    expect(spend).toEqual(cost)
    expect(lines(await remainders(h.warehouse, 'cursor'))).toEqual([])
  })

  it("gives each person exactly the simulator's on-demand charges, every day", async () => {
    const truth = new Map<string, Money>()
    for (const [day, people] of h.sim.truth.chargedByDayAndPerson(FROM, TO))
      for (const [email, m] of people) addTo(truth, `${day} ${email}`, m)
    const spend = await spendByDayAndPerson(h.warehouse, 'cursor')
    expect(truth.size).toBeGreaterThan(40)
    expect(lines(spend)).toEqual(lines(truth))
  })

  it("puts a mapped member's spend in the map's team, the rest in Unmapped", async () => {
    const rows = await h.warehouse.query<{ team: string }>(
      `SELECT DISTINCT team FROM spend_by_person_daily WHERE provider = 'cursor' AND tool = 'cursor'
       ORDER BY team`,
    )
    expect(rows.map((r) => r.team)).toEqual(['Unmapped', 'data', 'mobile', 'platform'])
    const unknown = await h.warehouse.query(
      `SELECT 1 FROM spend_by_person_daily WHERE provider = 'cursor' AND person = 'Unmapped'`,
    )
    expect(unknown).toEqual([]) // every Cursor identity is an email: a person even unmapped
  })
})

describe('Cursor feeds adoption and productivity', () => {
  it('counts seats and active people from the dense daily rows, active ≤ seats', async () => {
    const freeOwners = new Set(
      h.sim.truth
        .roster()
        .filter((m) => m.role === 'free-owner')
        .map((m) => m.email),
    )
    const expected = DAYS.map((day) => {
      const rows = h.sim.truth.dailyUsage(day)
      return {
        day,
        dau: new Set(rows.filter((r) => r.isActive).map((r) => r.email)).size,
        seats: rows.filter((r) => !freeOwners.has(r.email)).length,
      }
    })
    const got = (await adoption(h.warehouse, 'cursor')).filter((r) => r.day <= TO)
    expect(got.map(({ day, dau, seats }) => ({ day, dau, seats }))).toEqual(expected)
    expect(got.every((r) => r.dau <= r.seats && r.active28 <= r.seats)).toBe(true)
    expect(got.every((r) => r.unmapped === 0 && r.idle14 > 0)).toBe(true)
  })

  it("sums Tab suggestions, applies and accepted lines as the simulator's rows do", async () => {
    const truth = { shown: 0, accepted: 0, proposed: 0, edits: 0, added: 0, lines: 0 }
    for (const r of DAYS.flatMap((d) => h.sim.truth.dailyUsage(d))) {
      truth.shown += r.totalTabsShown
      truth.accepted += r.totalTabsAccepted
      truth.proposed += r.totalAccepts + r.totalRejects
      truth.edits += r.totalAccepts
      truth.added += r.totalLinesAdded
      truth.lines += r.acceptedLinesAdded
    }
    const got = await productivity(h.warehouse, 'cursor')
    expect(got).toMatchObject({ ...truth, bad_rates: 0 })
    expect(got.accepted!).toBeLessThan(got.shown!)
  })
})
