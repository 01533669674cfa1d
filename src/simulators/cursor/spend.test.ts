import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dayOfEpochMs } from '../../core/days.js'
import { cents, sum, type Money } from '../../core/money.js'
import { startCursorSimulator, type CursorSimulator } from './index.js'
import { cursorClient, FIXED_NOW, manualClock, type ManualClock } from './test-client.js'
import type { WireEvent } from './wire.js'

const PATH = '/teams/spend'
const HOUR = 3_600_000

interface SpendRow {
  email: string
  spendCents: number
  overallSpendCents: number
  includedSpendCents: number
}

interface SpendPage {
  teamMemberSpend: SpendRow[]
  subscriptionCycleStart: number
  totalMembers: number
  totalPages: number
}

describe('POST /teams/spend', () => {
  let sim: CursorSimulator
  let clock: ManualClock
  let client: ReturnType<typeof cursorClient>
  // One simulator per file (its event ledger is memoized); each test starts from FIXED_NOW.
  beforeAll(async () => {
    clock = manualClock()
    sim = await startCursorSimulator({ now: clock.now, rateLimit: false })
    client = cursorClient(sim)
  })
  beforeEach(() => clock.set(FIXED_NOW))
  afterAll(async () => sim.close())

  const readPage = async (body: object): Promise<SpendPage> =>
    (await client.post(PATH, body)).json as SpendPage
  const readAll = async (body: object = {}) => {
    const first = await readPage({ ...body, page: 1, pageSize: 10 })
    const rows = [...first.teamMemberSpend]
    for (let page = 2; page <= first.totalPages; page++) {
      rows.push(...(await readPage({ ...body, page, pageSize: 10 })).teamMemberSpend)
    }
    return { first, rows }
  }

  it('lists current members once each, cumulative since a mid-month cycle start', async () => {
    const { first, rows } = await readAll()
    const members = sim.truth.members()
    expect(first.totalMembers).toBe(members.length)
    expect(first.totalPages).toBe(Math.ceil(members.length / 10))
    expect(rows.map((r) => r.email).sort()).toEqual(members.map((m) => m.email).sort())
    expect(first.subscriptionCycleStart).toBe(sim.truth.cycleStart())
    expect(new Date(first.subscriptionCycleStart).getUTCDate()).toBeGreaterThan(1)
    const removed = sim.truth.roster().filter((m) => m.removedDay !== undefined)
    expect(rows.some((r) => removed.some((m) => m.email === r.email))).toBe(false)
  })

  it('is exactly the truth snapshot, in fractional cents', async () => {
    const { rows } = await readAll()
    const truth = new Map(sim.truth.spendSnapshot().members.map((m) => [m.email, m]))
    for (const row of rows) {
      const t = truth.get(row.email)!
      expect([
        cents(row.spendCents),
        cents(row.overallSpendCents),
        cents(row.includedSpendCents),
      ]).toEqual([t.spend, t.overall, t.included])
    }
    expect(rows.filter((r) => r.spendCents > 0).length).toBeGreaterThan(2)
    expect(rows.some((r) => !Number.isInteger(r.spendCents))).toBe(true)
  })

  it("equals, per person, the sum of the cycle's chargedCents from the usage events", async () => {
    const cycleStart = sim.truth.cycleStart()
    const now = clock.now().getTime()
    expect(now - cycleStart).toBeLessThanOrEqual(30 * 24 * HOUR)
    const events = await client.allEvents({ startDate: cycleStart, endDate: now })
    const total = (list: WireEvent[]) => sum(list.map((e) => cents(e.chargedCents)))
    const { rows } = await readAll()
    for (const row of rows) {
      const mine = events.filter((e) => e.userEmail === row.email)
      expect(total(mine.filter((e) => e.isChargeable))).toBe(cents(row.spendCents))
      expect(total(mine)).toBe(cents(row.overallSpendCents))
    }
  })

  it('searches names and emails, sorts and pages', async () => {
    const { rows } = await readAll({ sortBy: 'amount', sortDirection: 'desc' })
    const amounts = rows.map((r) => cents(r.spendCents))
    expect(amounts).toEqual([...amounts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)))
    const target = rows[3]!
    const found = await readPage({ searchTerm: target.email.slice(0, -3).toUpperCase() })
    expect(found.teamMemberSpend.map((r) => r.email)).toContain(target.email)
    expect(found.totalMembers).toBe(found.teamMemberSpend.length)
  })

  it('restarts near zero when the billing cycle rolls over', async () => {
    const next = nextBoundary(sim)
    clock.set(next - HOUR)
    const before = await readAll()
    clock.set(next + 2 * HOUR)
    const after = await readAll()
    expect(after.first.subscriptionCycleStart).toBe(next)
    expect(before.first.subscriptionCycleStart).toBeLessThan(next)
    const overall = (rows: SpendRow[]) => sum(rows.map((r) => cents(r.overallSpendCents)))
    expect(overall(after.rows)).toBeLessThan(overall(before.rows) / 20n)
    const heavy = before.rows.reduce((a, b) => (a.spendCents > b.spendCents ? a : b))
    const heavyAfter = after.rows.find((r) => r.email === heavy.email)!
    expect(cents(heavyAfter.spendCents)).toBeLessThan(cents(heavy.spendCents))
    expect(sim.truth.cycleStart()).toBe(next)
    expect(dayOfEpochMs(next) > dayOfEpochMs(before.first.subscriptionCycleStart)).toBe(true)
  })

  it('is a snapshot that grows within a cycle', async () => {
    const total = (rows: SpendRow[]): Money => sum(rows.map((r) => cents(r.overallSpendCents)))
    const first = await readAll()
    clock.advance(6 * HOUR)
    const later = await readAll()
    expect(total(later.rows)).toBeGreaterThan(total(first.rows))
  })
})

/** The first cycle start after now, found by walking the truth's clock-free answer forward. */
function nextBoundary(sim: CursorSimulator): number {
  const start = new Date(sim.truth.cycleStart())
  return Date.UTC(
    start.getUTCFullYear(),
    start.getUTCMonth() + 1,
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
  )
}
