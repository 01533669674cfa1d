import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../core/days.js'
import { cents, sum, type Money } from '../../core/money.js'
import { completionPpm, PPM } from './growth.js'
import { startAnthropicSimulator, type AnthropicSimulator } from './index.js'
import { createTestClock, getJson } from './test-helpers.js'

const TODAY = '2026-03-12'
const clock = createTestClock(`${TODAY}T08:00:00Z`)
const COST = '/v1/organizations/cost_report'
let sim: AnthropicSimulator

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now, historyDays: 60 })
})
afterAll(() => sim.close())

async function servedCost(day: string): Promise<Money> {
  const res = await getJson(sim, COST, {
    starting_at: day,
    ending_at: addDays(day, 1),
    'group_by[]': 'workspace_id',
  })
  return sum(res.body.data.flatMap((b) => b.results).map((r) => cents(r.amount as string)))
}

describe('recent days grow with now', () => {
  it('serves a larger value for today and yesterday after the clock advances, and the truth follows', async () => {
    clock.set(`${TODAY}T08:00:00Z`)
    const yesterday = addDays(TODAY, -1)
    const before = [await servedCost(TODAY), await servedCost(yesterday)]
    expect(before[0]).toBe(sim.truth.costTotal(TODAY, TODAY))
    clock.advance(5 * 3_600_000)
    const after = [await servedCost(TODAY), await servedCost(yesterday)]
    expect(after[0]! > before[0]!).toBe(true)
    expect(after[1]! > before[1]!).toBe(true)
    expect(after[0]).toBe(sim.truth.costTotal(TODAY, TODAY))
  })

  it('leaves days older than two days final', async () => {
    clock.set(`${TODAY}T08:00:00Z`)
    const old = addDays(TODAY, -3)
    const first = await servedCost(old)
    clock.advance(30 * 3_600_000)
    expect(await servedCost(old)).toBe(first)
  })

  it('serves nothing for a day that has not started', async () => {
    clock.set(`${TODAY}T08:00:00Z`)
    const tomorrow = addDays(TODAY, 1)
    const res = await getJson(sim, COST, { starting_at: tomorrow, ending_at: addDays(tomorrow, 1) })
    expect(res.body.data).toEqual([
      {
        starting_at: `${tomorrow}T00:00:00Z`,
        ending_at: `${addDays(tomorrow, 1)}T00:00:00Z`,
        results: [],
      },
    ])
  })
})

describe('completionPpm', () => {
  it('rises from 0 at the start of the day to 95% at its end and 100% a day later', () => {
    const start = Date.parse(`${TODAY}T00:00:00Z`)
    const hour = 3_600_000
    expect(completionPpm(TODAY, start - 1)).toBe(0)
    expect(completionPpm(TODAY, start + 12 * hour)).toBe(475_000)
    expect(completionPpm(TODAY, start + 24 * hour)).toBe(950_000)
    expect(completionPpm(TODAY, start + 36 * hour)).toBe(975_000)
    expect(completionPpm(TODAY, start + 48 * hour)).toBe(PPM)
  })
})
