import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, daysIn } from '../../core/days.js'
import { cents, sum, type Money } from '../../core/money.js'
import { startAnthropicSimulator, type AnthropicSimulator, type ClaudeCodeRecord } from './index.js'
import { createTestClock, getJson, type ErrorBody } from './test-helpers.js'

// A Thursday, so the Claude Code users are at work.
const TODAY = '2026-03-12'
const clock = createTestClock(`${TODAY}T00:30:00Z`)
const CLAUDE_CODE = '/v1/organizations/usage_report/claude_code'
let sim: AnthropicSimulator

interface CodePage {
  data: ClaudeCodeRecord[]
  has_more: boolean
  next_page: string | null
}

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now, historyDays: 120 })
})
afterAll(() => sim.close())

async function readDay(
  day: string,
  limit?: number,
): Promise<{ records: ClaudeCodeRecord[]; pages: number }> {
  const records: ClaudeCodeRecord[] = []
  let page: string | undefined
  for (let pages = 1; ; pages++) {
    const res = await getJson<CodePage>(sim, CLAUDE_CODE, { starting_at: day, limit, page })
    expect(res.status).toBe(200)
    records.push(...res.body.data)
    if (!res.body.has_more) return { records, pages }
    page = res.body.next_page!
  }
}

describe('usage_report/claude_code', () => {
  it('serves a day only once data is an hour old', async () => {
    clock.set(`${TODAY}T00:30:00Z`)
    expect((await readDay(TODAY)).records).toEqual([])
    expect(sim.truth.claudeCodeRecords(TODAY)).toBe(0)
    expect((await readDay(addDays(TODAY, -1))).records.length).toBeGreaterThan(0)
    clock.set(`${TODAY}T03:00:00Z`)
    const later = await readDay(TODAY)
    expect(later.records.length).toBeGreaterThan(0)
    expect(later.records.length).toBe(sim.truth.claudeCodeRecords(TODAY))
  })

  it('pages a day with a cursor, every record exactly once, 20 per page by default', async () => {
    clock.set(`${TODAY}T12:00:00Z`)
    const day = addDays(TODAY, -2)
    const first = await getJson<CodePage>(sim, CLAUDE_CODE, { starting_at: day })
    expect(first.body.data.length).toBe(Math.min(20, sim.truth.claudeCodeRecords(day)))
    const small = await readDay(day, 3)
    expect(small.pages).toBe(Math.ceil(sim.truth.claudeCodeRecords(day) / 3))
    expect(small.records).toEqual(sim.truth.claudeCodeRecordList(day))
    expect((await readDay(day, 1000)).records).toEqual(small.records)
  })

  it('keeps the data boundary of the first page while a day is still growing', async () => {
    clock.set(`${TODAY}T09:00:00Z`)
    const expected = sim.truth.claudeCodeRecordList(TODAY)
    const first = await getJson<CodePage>(sim, CLAUDE_CODE, { starting_at: TODAY, limit: 2 })
    clock.advance(6 * 3_600_000)
    const rest = await readDayFrom(TODAY, first.body.next_page!)
    expect([...first.body.data, ...rest]).toEqual(expected)
    expect(sim.truth.claudeCodeRecordList(TODAY)).not.toEqual(expected)
  })

  it('identifies actors by email or API key name, with costs as numbers of cents', () => {
    clock.set(`${TODAY}T12:00:00Z`)
    const records = daysIn({ from: addDays(TODAY, -14), to: addDays(TODAY, -1) }).flatMap((d) => [
      ...sim.truth.claudeCodeRecordList(d),
    ])
    const emails = new Set(sim.truth.org.users.map((u) => u.email))
    const keyNames = new Set(sim.truth.org.apiKeys.map((k) => k.name))
    expect(records.some((r) => r.actor.type === 'api_actor')).toBe(true)
    for (const r of records) {
      if (r.actor.type === 'user_actor') expect(emails.has(r.actor.email_address)).toBe(true)
      else expect(keyNames.has(r.actor.api_key_name)).toBe(true)
      expect(r).toMatchObject({ customer_type: 'api', date: expect.stringMatching(/T00:00:00Z$/) })
      for (const m of r.model_breakdown) expect(typeof m.estimated_cost.amount).toBe('number')
    }
  })

  it('splits some actors across two terminal_type rows on a day', () => {
    const days = daysIn({ from: addDays(TODAY, -14), to: addDays(TODAY, -1) })
    const split = days.some((d) => {
      const emails = sim.truth
        .claudeCodeRecordList(d)
        .flatMap((r) => (r.actor.type === 'user_actor' ? [r.actor.email_address] : []))
      return new Set(emails).size < emails.length
    })
    expect(split).toBe(true)
  })

  it('estimates slightly less than the cost report bills for the Claude Code workspace', async () => {
    clock.set(`${TODAY}T12:00:00Z`)
    const from = addDays(TODAY, -30)
    const to = addDays(TODAY, -1)
    const billed = sim.truth.costByWorkspace(from, to).get(sim.truth.org.claudeCodeWorkspaceId)!
    const estimated: Money = sum(
      daysIn({ from, to }).map((d) => sim.truth.claudeCodeEstimatedCost(d)),
    )
    expect(estimated < billed).toBe(true)
    expect(estimated * 100n > billed * 85n).toBe(true)
    for (const day of daysIn({ from, to })) {
      const dayBilled =
        sim.truth.costByWorkspace(day, day).get(sim.truth.org.claudeCodeWorkspaceId) ?? 0n
      expect(sim.truth.claudeCodeEstimatedCost(day) <= dayBilled).toBe(true)
    }
    const served = (await readDay(to)).records.flatMap((r) =>
      r.model_breakdown.map((m) => cents(m.estimated_cost.amount)),
    )
    expect(sum(served)).toBe(sim.truth.claudeCodeEstimatedCost(to))
  })

  it.each([
    [{ starting_at: `${TODAY}T00:00:00Z` }, 'starting_at'],
    [{}, 'starting_at'],
    [{ starting_at: TODAY, limit: 1001 }, 'limit'],
    [{ starting_at: TODAY, page: 'page_nonsense' }, 'page'],
  ])('rejects %o with 400', async (params, message) => {
    const res = await getJson<ErrorBody>(sim, CLAUDE_CODE, params)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain(message)
  })
})

async function readDayFrom(day: string, token: string): Promise<ClaudeCodeRecord[]> {
  const records: ClaudeCodeRecord[] = []
  let page: string | null = token
  while (page !== null) {
    const res: { body: CodePage } = await getJson<CodePage>(sim, CLAUDE_CODE, {
      starting_at: day,
      limit: 2,
      page,
    })
    records.push(...res.body.data)
    page = res.body.has_more ? res.body.next_page : null
  }
  return records
}
