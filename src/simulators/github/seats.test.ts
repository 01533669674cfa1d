import { afterEach, describe, expect, it } from 'vitest'
import { addDays, startOfDayMs } from '../../core/days.js'
import { startTestSim, type TestSim } from './test-support.js'

interface Seat {
  assignee: { login: string; type: string }
  pending_cancellation_date: string | null
  last_activity_at: string | null
  last_activity_editor: string | null
  plan_type: string
}
interface SeatPage {
  total_seats: number
  seats: Seat[]
}

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

const seatsPath = (t: TestSim, query = '') => `/orgs/${t.sim.org}/copilot/billing/seats${query}`

/** Follows rel="next" from the first page; returns every seat and the pages' sizes. */
async function readAllSeats(
  t: TestSim,
  perPage: number,
): Promise<{ seats: Seat[]; sizes: number[] }> {
  let url: string | undefined = `${t.sim.url}${seatsPath(t, `?per_page=${perPage}`)}`
  const seats: Seat[] = []
  const sizes: number[] = []
  while (url) {
    const res = await t.get(url)
    expect(res.status).toBe(200)
    const page = (await res.json()) as SeatPage
    seats.push(...page.seats)
    sizes.push(page.seats.length)
    url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
  }
  return { seats, sizes }
}

describe('GitHub simulator: Copilot seats', () => {
  it('pages with Link headers and reads every seat exactly once', async () => {
    t = await startTestSim()
    const first = await t.get(seatsPath(t, '?per_page=7'))
    const total = ((await first.json()) as SeatPage).total_seats
    expect(total).toBeGreaterThanOrEqual(20)
    expect(total).toBeLessThanOrEqual(60)
    const lastPage = Math.ceil(total / 7)
    expect(first.headers.get('link')).toContain(`page=${lastPage}>; rel="last"`)
    const { seats, sizes } = await readAllSeats(t, 7)
    expect(sizes).toHaveLength(lastPage)
    expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true)
    expect(new Set(seats.map((s) => s.assignee.login)).size).toBe(total)
    expect(seats).toEqual(t.sim.truth.seats())
  })

  it('defaults to 50 per page without a Link header and validates paging parameters', async () => {
    t = await startTestSim()
    const res = await t.get(seatsPath(t))
    const page = (await res.json()) as SeatPage
    expect(page.seats).toHaveLength(Math.min(50, page.total_seats))
    expect(res.headers.get('link')).toBeNull()
    expect((await t.get(seatsPath(t, '?page=0'))).status).toBe(422)
    expect((await t.get(seatsPath(t, '?per_page=ten'))).status).toBe(422)
    const beyond = (await (await t.get(seatsPath(t, '?page=9'))).json()) as SeatPage
    expect(beyond.seats).toEqual([])
    expect(beyond.total_seats).toBe(page.total_seats)
  })

  it('changes over time: pending cancellations end at the next cycle, future joiners appear', async () => {
    t = await startTestSim()
    const logins = async () =>
      new Set((await readAllSeats(t!, 100)).seats.map((s) => s.assignee.login))
    const { seats } = await readAllSeats(t, 100)
    const pending = seats.filter((s) => s.pending_cancellation_date !== null)
    expect(pending.length).toBeGreaterThanOrEqual(1)
    const joiner = t.sim.truth.org.people.find(
      (p) => p.seat.createdAtMs > Date.parse('2026-03-15T12:00:00Z'),
    )!
    const removed = t.sim.truth.org.people.filter(
      (p) => p.seat.removedOn !== null && p.seat.removedOn <= '2026-03-15',
    )
    expect(removed.length).toBeGreaterThanOrEqual(1)
    const before = await logins()
    expect(before.has(joiner.login)).toBe(false)
    for (const p of removed) expect(before.has(p.login)).toBe(false)
    t.clock.set(`${pending[0]!.pending_cancellation_date}T00:00:00Z`)
    const after = await logins()
    expect(after.has(pending[0]!.assignee.login)).toBe(false)
    t.clock.set(new Date(joiner.seat.createdAtMs + 1000).toISOString())
    expect((await logins()).has(joiner.login)).toBe(true)
  })

  it("sets last_activity_at from the users' report activity, null for never-active seats", async () => {
    t = await startTestSim()
    const { seats } = await readAllSeats(t, 100)
    const from = '2026-02-01'
    const active = t.sim.truth.activeUsersByDay(from, '2026-03-14')
    const lastSeen = new Map<string, string>()
    for (const [day, logins] of active) for (const login of logins) lastSeen.set(login, day)
    const never = seats.filter((s) => s.last_activity_at === null)
    expect(never.length).toBeGreaterThanOrEqual(1)
    for (const s of never) expect(lastSeen.has(s.assignee.login)).toBe(false)
    for (const s of seats.filter((seat) => seat.last_activity_at !== null)) {
      const day = s.last_activity_at!.slice(0, 10)
      expect(Date.parse(s.last_activity_at!)).toBeLessThanOrEqual(
        Date.parse('2026-03-15T12:00:00Z'),
      )
      expect(s.last_activity_editor).toMatch(/^\w+\/[\d.]+\//)
      if (day >= from && day < '2026-03-15') expect(active.get(day)).toContain(s.assignee.login)
      const seen = lastSeen.get(s.assignee.login)
      if (seen !== undefined) expect(day >= seen).toBe(true)
    }
  })

  it('summarises seats in /copilot/billing and serves one member seat', async () => {
    t = await startTestSim()
    const { seats } = await readAllSeats(t, 100)
    const billing = await t.getJson<{ seat_breakdown: Record<string, number> }>(
      `/orgs/${t.sim.org}/copilot/billing`,
    )
    const pending = seats.filter((s) => s.pending_cancellation_date !== null).length
    expect(billing.seat_breakdown).toMatchObject({
      total: seats.length,
      pending_cancellation: pending,
    })
    const b = billing.seat_breakdown
    expect(b.active_this_cycle! + b.inactive_this_cycle!).toBe(seats.length)
    const cycleStart = startOfDayMs('2026-03-01')
    const active = seats.filter(
      (s) => s.last_activity_at && Date.parse(s.last_activity_at) >= cycleStart,
    )
    expect(b.active_this_cycle).toBe(active.length)
    const one = await t.getJson(`/orgs/${t.sim.org}/members/${seats[0]!.assignee.login}/copilot`)
    expect(one).toEqual(seats[0])
    expect((await t.get(`/orgs/${t.sim.org}/members/nobody-here/copilot`)).status).toBe(422)
  })

  it('maps some logins to emails (the synthetic people) and leaves contractors without one', async () => {
    t = await startTestSim()
    const people = t.sim.truth.org.people
    const withEmail = people.filter((p) => p.email !== null)
    expect(withEmail.length).toBeGreaterThan(people.length / 2)
    expect(people.some((p) => p.email === null)).toBe(true)
    expect(withEmail.every((p) => /^[a-z]+\.[a-z]+@northwind\.example$/.test(p.email!))).toBe(true)
    expect(new Set(people.map((p) => p.login)).size).toBe(people.length)
    expect(addDays(t.sim.truth.org.historyStart, 400)).toBe('2026-03-15')
  })
})
