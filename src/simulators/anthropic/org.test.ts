import { afterEach, describe, expect, it } from 'vitest'
import { addDays, daysIn } from '../../core/days.js'
import { dollars } from '../../core/money.js'
import { createAnthropicData } from './data.js'
import { isWeekend } from '../shared/days.js'
import { startAnthropicSimulator, type AnthropicSimulator } from './index.js'
import { buildAnthropicOrg, syntheticPeople } from './org.js'
import { authHeaders, urlOf } from './test-helpers.js'

const TODAY = '2026-03-15'
const NOW = Date.parse(`${TODAY}T10:00:00Z`)
const started: AnthropicSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

describe('syntheticPeople', () => {
  it('gives 25–40 people with unique lower-case emails, the same for the same seed', () => {
    for (const seed of [1, 42, 2026]) {
      const people = syntheticPeople(seed)
      expect(people.length).toBeGreaterThanOrEqual(25)
      expect(people.length).toBeLessThanOrEqual(40)
      expect(new Set(people.map((p) => p.email)).size).toBe(people.length)
      expect(people.every((p) => p.email === p.email.toLowerCase())).toBe(true)
      expect(syntheticPeople(seed)).toEqual(people)
    }
    expect(syntheticPeople(1)).not.toEqual(syntheticPeople(2))
  })

  it('has heavy, regular, light and idle people', () => {
    const levels = new Set(syntheticPeople(42).map((p) => p.activity))
    expect([...levels].sort()).toEqual(['heavy', 'idle', 'light', 'regular'])
  })
})

describe('the synthetic org', () => {
  it('serves byte-identical responses for the same seed and now', async () => {
    const now = () => new Date(NOW)
    const read = async (seed: number) => {
      const sim = await startAnthropicSimulator({ seed, now })
      started.push(sim)
      const url = urlOf(sim, '/v1/organizations/cost_report', {
        starting_at: addDays(TODAY, -10),
        'group_by[]': ['workspace_id', 'description'],
      })
      return (await fetch(url, { headers: authHeaders(sim) })).text()
    }
    const [a, b, other] = [await read(5), await read(5), await read(6)]
    expect(a).toBe(b)
    expect(a).not.toBe(other)
  })

  it('spends roughly $50–$900 a day, more on weekdays than at weekends', () => {
    const org = buildAnthropicOrg({ seed: 42, anchorDay: TODAY, historyDays: 400 })
    const data = createAnthropicData(org)
    const days = daysIn({ from: addDays(TODAY, -91), to: addDays(TODAY, -2) })
    const totals = days.map((d) => data.costLinesAt(d, NOW).reduce((s, l) => s + l.amount, 0n))
    expect(totals.every((t) => t >= dollars('50') && t <= dollars('900'))).toBe(true)
    const mean = (pick: (d: string) => boolean) => {
      const picked = totals.filter((_, i) => pick(days[i]!))
      return picked.reduce((s, t) => s + t, 0n) / BigInt(picked.length)
    }
    expect(mean((d) => !isWeekend(d)) > 2n * mean(isWeekend)).toBe(true)
  })

  it('has people who never use the API and others who use it most days', () => {
    const org = buildAnthropicOrg({ seed: 42, anchorDay: TODAY, historyDays: 400 })
    const data = createAnthropicData(org)
    const days = daysIn({ from: addDays(TODAY, -31), to: addDays(TODAY, -2) })
    const activeDays = new Map<string, number>()
    for (const day of days) {
      const owners = new Set(
        data
          .factsAt(day, NOW)
          .usage.map(
            (f) => org.apiKeys.find((k) => k.id === f.apiKeyId)?.ownerUserId ?? f.accountId,
          ),
      )
      for (const owner of owners) if (owner) activeDays.set(owner, (activeDays.get(owner) ?? 0) + 1)
    }
    expect(org.users.some((u) => !activeDays.has(u.id))).toBe(true)
    expect([...activeDays.values()].some((n) => n >= 20)).toBe(true)
  })
})
