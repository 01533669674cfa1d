import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addDays, dayOfEpochMs, daysIn, startOfDayMs } from '../../core/days.js'
import { startCursorSimulator, type CursorSimulator } from './index.js'
import { cursorClient, FIXED_NOW, manualClock, type ManualClock } from './test-client.js'
import type { WireDailyRow } from './wire.js'

const DAY = 86_400_000
const PATH = '/teams/daily-usage-data'
// 14:00 UTC: the request's time of day, which every row's `date` must keep.
const START = Date.parse('2026-02-08T14:00:00Z')
const END = START + 30 * DAY

type Client = ReturnType<typeof cursorClient>

async function readPaged(client: Client, body: object, pageSize: number) {
  const rows: WireDailyRow[] = []
  const pages = []
  for (let page = 1; ; page++) {
    const reply = await client.post(PATH, { ...body, page, pageSize })
    expect(reply.status).toBe(200)
    rows.push(...(reply.json.data as WireDailyRow[]))
    pages.push(reply.json.pagination)
    if (!reply.json.pagination.hasNextPage) return { rows, pages }
  }
}

describe('POST /teams/daily-usage-data', () => {
  let sim: CursorSimulator
  let clock: ManualClock
  let client: Client
  // One simulator per file (its event ledger is memoized); each test starts from FIXED_NOW.
  beforeAll(async () => {
    clock = manualClock()
    sim = await startCursorSimulator({ now: clock.now, rateLimit: false })
    client = cursorClient(sim)
  })
  beforeEach(() => clock.set(FIXED_NOW))
  afterAll(async () => sim.close())

  it('rejects a range over 30 days with the documented 400 and accepts exactly 30', async () => {
    const tooLong = await client.post(PATH, { startDate: START, endDate: END + 1 })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json).toEqual({
      error: 'Bad Request',
      message: 'Date range cannot exceed 30 days. Make multiple requests for longer periods.',
    })
    expect((await client.post(PATH, { startDate: START, endDate: END })).status).toBe(200)
  })

  it('pages users into dense rows: every member on the team gets a row for every day', async () => {
    const { rows, pages } = await readPaged(client, { startDate: START, endDate: END }, 7)
    const days = daysIn({ from: dayOfEpochMs(START), to: dayOfEpochMs(END) })
    expect(days).toHaveLength(31) // a 30-day window spans 31 calendar days
    const expected = days.reduce((n, day) => n + sim.truth.members(day).length, 0)
    expect(rows).toHaveLength(expected)
    expect(new Set(rows.map((r) => `${r.userId}|${r.day}`)).size).toBe(rows.length)
    const totalUsers = new Set(rows.map((r) => r.userId)).size
    expect(pages[0]).toEqual({
      page: 1,
      pageSize: 7,
      totalUsers,
      totalPages: Math.ceil(totalUsers / 7),
      hasNextPage: true,
      hasPreviousPage: false,
    })
    expect(pages.at(-1)).toMatchObject({ hasNextPage: false, hasPreviousPage: true })
  })

  it('has members × days rows for a window without joins or removals', async () => {
    const roster = sim.truth.roster()
    const changes = roster.flatMap((m) => [m.joinDay, m.removedDay ?? ''])
    const windowEnd = addDays(dayOfEpochMs(FIXED_NOW), -1)
    const quiet = [20, 15, 10, 6, 2]
      .map((n) => addDays(windowEnd, -n))
      .find((from) => changes.every((d) => d <= from || d > windowEnd))!
    const startDate = startOfDayMs(quiet) + 9 * 3_600_000
    const endDate = startOfDayMs(windowEnd) + 9 * 3_600_000
    const { rows } = await readPaged(client, { startDate, endDate }, 100)
    const days = daysIn({ from: quiet, to: windowEnd }).length
    expect(rows).toHaveLength(sim.truth.members(windowEnd).length * days)
  })

  it("keeps the request's time of day in `date` (startDate + N × 24 h) and the true day in `day`", async () => {
    const { rows } = await readPaged(client, { startDate: START, endDate: END }, 50)
    for (const row of rows) {
      const n = (startOfDayMs(row.day) - startOfDayMs(dayOfEpochMs(START))) / DAY
      expect(row.date).toBe(START + n * DAY)
      expect(new Date(row.date).toISOString().slice(11)).toBe('14:00:00.000Z')
    }
  })

  it('serves exactly the truth rows, with zero counters and mostly no clientVersion when inactive', async () => {
    const { rows } = await readPaged(client, { startDate: START, endDate: END }, 100)
    const day = '2026-02-20'
    const served = rows.filter((r) => r.day === day).map(({ date: _date, ...row }) => row)
    expect(served).toEqual(sim.truth.dailyUsage(day))
    const inactive = rows.filter((r) => !r.isActive)
    expect(inactive.length).toBeGreaterThan(rows.length / 5)
    for (const r of inactive) {
      expect([r.totalLinesAdded, r.totalTabsShown, r.agentRequests, r.usageBasedReqs]).toEqual([
        0, 0, 0, 0,
      ])
      expect([r.mostUsedModel, r.applyMostUsedExtension, r.tabMostUsedExtension]).toEqual([
        '',
        '',
        '',
      ])
    }
    const omitted = inactive.filter((r) => !('clientVersion' in r)).length
    expect(omitted / inactive.length).toBeGreaterThan(0.5)
    expect(rows.filter((r) => r.isActive).every((r) => typeof r.clientVersion === 'string')).toBe(
      true,
    )
  })

  it('without page/pageSize returns only users active in the range, all their days, no pagination', async () => {
    const reply = await client.post(PATH, { startDate: START, endDate: END })
    expect(reply.json).not.toHaveProperty('pagination')
    const rows = reply.json.data as WireDailyRow[]
    const { rows: dense } = await readPaged(client, { startDate: START, endDate: END }, 100)
    const activeUsers = new Set(dense.filter((r) => r.isActive).map((r) => r.userId))
    expect(activeUsers.size).toBeLessThan(new Set(dense.map((r) => r.userId)).size)
    expect(rows).toEqual(dense.filter((r) => activeUsers.has(r.userId)))
  })

  it('gives removed members rows only before removal and new members only from joining', async () => {
    const { rows } = await readPaged(client, { startDate: START, endDate: END }, 100)
    const inWindow = (d?: string) =>
      d !== undefined && d > dayOfEpochMs(START) && d <= dayOfEpochMs(END)
    const removed = sim.truth.roster().find((m) => inWindow(m.removedDay))!
    const joined = sim.truth.roster().find((m) => inWindow(m.joinDay))!
    const removedDays = rows.filter((r) => r.userId === removed.userId).map((r) => r.day)
    const joinedDays = rows.filter((r) => r.userId === joined.userId).map((r) => r.day)
    expect(removedDays.at(-1)).toBe(addDays(removed.removedDay!, -1))
    expect(joinedDays[0]).toBe(joined.joinDay)
    expect(joinedDays.at(-1)).toBe(dayOfEpochMs(END))
  })

  it('counts request kinds from the same events filtered-usage-events serves', async () => {
    const day = '2026-03-03'
    const body = { startDate: startOfDayMs(day), endDate: startOfDayMs(day) + DAY - 1 }
    const events = await client.allEvents(body)
    const { rows } = await readPaged(client, body, 100)
    for (const row of rows.filter((r) => r.day === day)) {
      const mine = events.filter((e) => e.userEmail === row.email)
      expect(row.usageBasedReqs).toBe(mine.filter((e) => e.kind === 'Usage-based').length)
      expect(row.subscriptionIncludedReqs).toBe(
        mine.filter((e) => e.kind === 'Included in Business').length,
      )
      expect(row.isActive || mine.length === 0).toBe(true)
    }
  })

  it('returns empty data (not an error) for days before the retention window; truth keeps them', async () => {
    const old = addDays(sim.truth.retentionStart(), -10)
    const reply = await client.post(PATH, {
      startDate: startOfDayMs(old),
      endDate: startOfDayMs(old) + 5 * DAY,
      page: 1,
      pageSize: 100,
    })
    expect(reply.status).toBe(200)
    expect(reply.json.data).toEqual([])
    expect(reply.json.pagination.totalUsers).toBe(0)
    expect(sim.truth.dailyUsage(old).some((r) => r.isActive)).toBe(true)
  })

  it('grows today and yesterday with `now` and keeps older days final', async () => {
    const today = dayOfEpochMs(FIXED_NOW)
    const body = {
      startDate: startOfDayMs(addDays(today, -2)),
      endDate: FIXED_NOW,
      page: 1,
      pageSize: 100,
    }
    const before = (await client.post(PATH, body)).json.data as WireDailyRow[]
    clock.advance(5 * 3_600_000)
    const after = (await client.post(PATH, body)).json.data as WireDailyRow[]
    const total = (rows: WireDailyRow[], day: string) =>
      rows.filter((r) => r.day === day).reduce((n, r) => n + r.totalTabsShown + r.agentRequests, 0)
    expect(total(after, today)).toBeGreaterThan(total(before, today))
    expect(total(after, addDays(today, -1))).toBeGreaterThan(total(before, addDays(today, -1)))
    expect(after.filter((r) => r.day === addDays(today, -2))).toEqual(
      before.filter((r) => r.day === addDays(today, -2)),
    )
    expect(before.some((r) => r.day > today)).toBe(false)
  })
})
