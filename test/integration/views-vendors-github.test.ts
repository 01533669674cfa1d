// GitHub Copilot in the identity, spend and adoption views: the simulator over real HTTP, the
// real pipeline and DuckDB. GitHub names logins, never emails, so everything is 'Unmapped'
// until an identity map names the logins; then each person's premium spend is the
// simulator's per-login truth, seats are billed per holder, and contractors (no email, not in
// the map) stay Unmapped. The per-user billing's '(unattributed)' rest is the only remainder.
// One run for the file; the first test imports the map, so the tests read it in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { dollars, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createGithubHarness, moneyBy, type GithubHarness } from './github-harness.js'
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
let h: GithubHarness
let dir: string
const FROM = '2026-03-05'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z; initialDays 10
const TODAY = '2026-03-15' // the seat snapshot's day
const DAYS = daysIn({ from: FROM, to: TO })

beforeAll(async () => {
  dir = tmp.make()
  h = await createGithubHarness(dir, { seatPriceUsd: '19' })
  const report = await h.run()
  expect(report.status).toBe('succeeded')
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

/** login → email for the staff (contractors have no email and stay out of the map). */
function staff(): Map<string, string> {
  return new Map(h.sim.truth.org.people.flatMap((p) => (p.email ? [[p.login, p.email]] : [])))
}

const people = (rows: { person: string }[]) => [...new Set(rows.map((r) => r.person))]

describe('GitHub Copilot before and after the identity map', () => {
  it('shows every login as Unmapped until the map names it', async () => {
    const rows = await h.warehouse.query<{ person: string }>(
      `SELECT DISTINCT person FROM spend_by_person_daily WHERE provider = 'github'`,
    )
    expect(people(rows)).toEqual(['Unmapped'])
    const unmapped = await h.warehouse.query<{ identity: string }>(
      `SELECT identity FROM unmapped_identities
       WHERE provider = 'github' AND identity_type = 'github_login' AND other_basis_usd > 0`,
    )
    expect(unmapped).toHaveLength(h.sim.truth.seats().length) // every seat holder's seat cost
    expect((await adoption(h.warehouse, 'copilot')).every((r) => r.dau === 0)).toBe(true)

    const team = (login: string) => h.sim.truth.org.people.find((p) => p.login === login)!.team
    const map = [...staff()].map(([login, email]) => ({ identity: login, email, team: '' }))
    await importIdentityMap(
      h,
      dir,
      map.map((m) => ({ ...m, provider: 'github', team: team(m.identity).slug })),
    )
    const after = await h.warehouse.query<{ person: string }>(
      `SELECT DISTINCT person FROM spend_by_person_daily WHERE provider = 'github'`,
    )
    expect(people(after).length).toBeGreaterThan(10)
  })

  it('attributes every dollar of cost_daily per day and basis; the rest is (unattributed)', async () => {
    const { cost, spend } = await spendAgainstCost(h.warehouse, 'github')
    expect(cost.filter((l) => l.startsWith(`${TODAY} invoiced`))).toHaveLength(1)
    expect(spend).toEqual(cost)
    const unattributed = await moneyBy(
      h.warehouse,
      `SELECT CAST(usage_date AS VARCHAR) || ' copilot vendor_reported' AS k,
              CAST(SUM(net_amount_usd) AS VARCHAR) AS v
       FROM github_copilot_premium_user_usage WHERE user_login = '(unattributed)' GROUP BY 1`,
    )
    const rest = await remainders(h.warehouse, 'github')
    expect(lines(rest)).toEqual(lines(unattributed))
    expect([...rest.values()].every((v) => v >= 0n)).toBe(true)
  })

  it("gives each mapped person the simulator's premium spend of their login", async () => {
    const emails = staff()
    const truth = new Map<string, Money>()
    for (const [day, logins] of h.sim.truth.premiumCostByDayAndUser(FROM, TO))
      for (const [login, m] of logins) addTo(truth, `${day} ${emails.get(login) ?? 'Unmapped'}`, m)
    const spend = await spendByDayAndPerson(h.warehouse, 'github')
    expect(lines(truth).length).toBeGreaterThan(0) // premium requests beyond the allowance are rare
    expect(lines(spend)).toEqual(lines(truth))
  })

  it('bills each seat holder one day of the seat price', async () => {
    const seats = await spendByDayAndPerson(h.warehouse, 'github', 'invoiced')
    const holders = h.sim.truth.seats().map((s) => (s.assignee as { login: string }).login)
    const contractors = holders.filter((l) => !staff().has(l)).length
    const mapped = [...seats].filter(([k]) => !k.endsWith(' Unmapped'))
    expect(mapped).toHaveLength(holders.length - contractors)
    const perSeat = mapped[0]![1]
    expect(mapped.every(([k, v]) => k.startsWith(TODAY) && v === perSeat)).toBe(true)
    expect(contractors).toBeGreaterThan(0)
    expect(seats.get(`${TODAY} Unmapped`)).toBe(perSeat * BigInt(contractors))
    // March: $19 / 31 a day, its nano-dollar remainder spread over the month's days.
    expect([0n, 1n]).toContain(perSeat - dollars('19') / 31n)
  })
})

describe('GitHub Copilot feeds adoption and productivity', () => {
  it('counts seat holders and active people per day, active ≤ seats', async () => {
    const emails = staff()
    const created = h.sim.truth.seats().map((s) => String(s.created_at).slice(0, 10))
    const active = h.sim.truth.activeUsersByDay(FROM, TO)
    const expected = DAYS.map((day) => ({
      day,
      dau: active.get(day)!.filter((l) => emails.has(l)).length,
      unmapped: active.get(day)!.filter((l) => !emails.has(l)).length,
      seats: created.filter((c) => c <= day).length,
    }))
    const got = (await adoption(h.warehouse, 'copilot')).filter((r) => r.day <= TO)
    expect(got.map(({ day, dau, unmapped, seats }) => ({ day, dau, unmapped, seats }))).toEqual(
      expected,
    )
    expect(got.some((r) => r.dau > 0)).toBe(true)
    expect(got.every((r) => r.dau + r.unmapped <= r.seats && r.active28 <= r.seats)).toBe(true)
  })

  it('reports suggestions and accepted lines with rates in [0, 1]', async () => {
    const got = await productivity(h.warehouse, 'copilot')
    expect(got.bad_rates).toBe(0)
    expect(got.shown!).toBeGreaterThan(got.accepted!)
    expect(got.accepted!).toBeGreaterThan(0)
    expect(got.lines!).toBeGreaterThan(0)
    expect(got).toMatchObject({ proposed: null, edits: null })
  })
})
