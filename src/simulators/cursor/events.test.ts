import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, dayOfEpochMs, daysIn, startOfDayMs } from '../../core/days.js'
import { cents, sum, type Money } from '../../core/money.js'
import { startCursorSimulator, type CursorSimulator } from './index.js'
import { cursorClient, FIXED_NOW, manualClock } from './test-client.js'
import type { WireEvent } from './wire.js'

const DAY = 86_400_000
const PATH = '/teams/filtered-usage-events'
const FROM = '2026-02-20'
const TO = '2026-03-09'
const RANGE = { startDate: startOfDayMs(FROM), endDate: startOfDayMs(TO) + DAY - 1 }

describe('POST /teams/filtered-usage-events', () => {
  let sim: CursorSimulator
  let client: ReturnType<typeof cursorClient>
  let served: WireEvent[]
  beforeAll(async () => {
    sim = await startCursorSimulator({ now: manualClock().now, rateLimit: false })
    client = cursorClient(sim)
    served = await client.allEvents(RANGE)
  })
  afterAll(async () => sim.close())

  it('pages with the documented default of 10 and reads every event exactly once', async () => {
    const day = { startDate: startOfDayMs('2026-03-02'), endDate: startOfDayMs('2026-03-03') - 1 }
    const first = await client.post(PATH, day)
    expect(first.json.pagination).toEqual({
      numPages: Math.ceil(first.json.totalUsageEventsCount / 10),
      currentPage: 1,
      pageSize: 10,
      hasNextPage: true,
      hasPreviousPage: false,
    })
    expect(first.json.period).toEqual(day)
    const all: WireEvent[] = []
    for (let page = 1; page <= first.json.pagination.numPages; page++) {
      all.push(...((await client.post(PATH, { ...day, page })).json.usageEvents as WireEvent[]))
    }
    expect(all).toHaveLength(first.json.totalUsageEventsCount as number)
    expect(all).toHaveLength(sim.truth.eventCount('2026-03-02', '2026-03-02'))
    expect(all).toEqual(await client.allEvents(day, 1000))
  })

  it('serves an empty page past the end', async () => {
    const reply = await client.post(PATH, { ...RANGE, page: 100_000, pageSize: 1000 })
    expect(reply.json.usageEvents).toEqual([])
    expect(reply.json.pagination.hasNextPage).toBe(false)
  })

  it('uses the documented types: ms timestamps as strings, tokenUsage only on token-based calls', () => {
    expect(served.length).toBe(sim.truth.eventCount(FROM, TO))
    for (const e of served) {
      expect(e.timestamp).toMatch(/^\d{13}$/)
      expect('tokenUsage' in e).toBe(e.isTokenBasedCall)
      expect(e.isChargeable).toBe(e.kind === 'Usage-based')
    }
    const kinds = new Set(served.map((e) => e.kind))
    expect([...kinds].sort()).toEqual([
      'Aborted, Not Charged',
      'Errored, Not Charged',
      'Free',
      'Included in Business',
      'Usage-based',
      'User API Key',
    ])
    expect(served.some((e) => e.isHeadless)).toBe(true)
  })

  it('charges model cost plus the Cursor token fee, exactly', () => {
    const feed = served.filter((e) => e.cursorTokenFee !== undefined)
    expect(feed.length).toBeGreaterThan(100)
    for (const e of feed) {
      expect(cents(e.chargedCents)).toBe(cents(e.tokenUsage!.totalCents) + cents(e.cursorTokenFee!))
    }
    expect(served.some((e) => !Number.isInteger(e.chargedCents))).toBe(true)
  })

  it('serves both events a user made in the same millisecond', () => {
    const seen = new Map<string, WireEvent[]>()
    for (const e of served)
      seen.set(`${e.userEmail}|${e.timestamp}`, [
        ...(seen.get(`${e.userEmail}|${e.timestamp}`) ?? []),
        e,
      ])
    const pairs = [...seen.values()].filter((list) => list.length === 2)
    expect(pairs.length).toBeGreaterThan(5)
    expect(pairs[0]![0]).not.toEqual(pairs[0]![1])
    const truthPairs = sim.truth
      .events(FROM, TO)
      .filter(
        (e, i, all) =>
          i > 0 && all[i - 1]!.timestampMs === e.timestampMs && all[i - 1]!.email === e.email,
      )
    expect(truthPairs).toHaveLength(pairs.length)
  })

  it('filters by email and by userId', async () => {
    const person = sim.truth.members()[0]!
    const byEmail = await client.allEvents({ ...RANGE, email: person.email.toUpperCase() })
    expect(byEmail.length).toBeGreaterThan(0)
    expect(byEmail).toEqual(served.filter((e) => e.userEmail === person.email))
    expect(await client.allEvents({ ...RANGE, userId: person.userId })).toEqual(byEmail)
  })

  it('sums chargeable chargedCents per day and person to the truth, exactly', () => {
    const byDay = new Map<string, Map<string, Money>>()
    for (const e of served.filter((x) => x.isChargeable)) {
      const day = dayOfEpochMs(Number(e.timestamp))
      const people = byDay.get(day) ?? new Map<string, Money>()
      people.set(
        e.userEmail,
        sum([people.get(e.userEmail) ?? (0n as Money), cents(e.chargedCents)]),
      )
      byDay.set(day, people)
    }
    const truth = sim.truth.chargedByDayAndPerson(FROM, TO)
    expect([...truth.keys()]).toEqual(daysIn({ from: FROM, to: TO }))
    for (const [day, people] of truth) expect(byDay.get(day) ?? new Map()).toEqual(people)
    const totals = sim.truth.chargedByDay(FROM, TO)
    for (const [day, total] of totals) expect(sum(truth.get(day)!.values())).toBe(total)
    expect(sum(totals.values())).toBeGreaterThan(0n)
  })

  it('rejects more than 30 days and defaults to the last 30 days ending now', async () => {
    const tooLong = await client.post(PATH, { startDate: 0, endDate: 30 * DAY + 1 })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json.message).toBe(
      'Date range cannot exceed 30 days. Make multiple requests for longer periods.',
    )
    const defaults = await client.post(PATH, {})
    expect(defaults.json.period).toEqual({ startDate: FIXED_NOW - 30 * DAY, endDate: FIXED_NOW })
  })

  it('serves nothing before the retention window although the truth still has those events', async () => {
    const old = addDays(sim.truth.retentionStart(), -3)
    const reply = await client.post(PATH, {
      startDate: startOfDayMs(old),
      endDate: startOfDayMs(old) + 3 * DAY - 1,
    })
    expect(reply.status).toBe(200)
    expect(reply.json.totalUsageEventsCount).toBe(0)
    expect(sim.truth.eventCount(old, addDays(old, 2))).toBeGreaterThan(0)
  })

  it('never serves an event from the future or one not yet aggregated', () => {
    const today = sim.truth.events(dayOfEpochMs(FIXED_NOW), dayOfEpochMs(FIXED_NOW))
    expect(today.length).toBeGreaterThan(0)
    expect(today.every((e) => e.timestampMs < Math.floor(FIXED_NOW / 3_600_000) * 3_600_000)).toBe(
      true,
    )
  })
})
