import { describe, expect, it } from 'vitest'
import { daysIn, startOfDayMs } from '../../core/days.js'
import { isWeekend } from '../shared/days.js'
import { createGithubData } from './data.js'
import { buildGithubOrg } from './org.js'
import { seatHoldersAt } from './seats.js'

const ANCHOR = '2026-03-15'
const NOW = startOfDayMs(ANCHOR) + 12 * 3_600_000
const build = (seed: number) => buildGithubOrg({ seed, anchorDay: ANCHOR, historyDays: 400 })
const LAST_8_WEEKS = daysIn({ from: '2026-01-18', to: '2026-03-14' })

describe('GitHub simulator: the synthetic org', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(build(42)).toEqual(build(42))
    expect(build(43).people.map((p) => p.login)).not.toEqual(build(42).people.map((p) => p.login))
  })

  it('has 20–60 seats with several IDEs and languages, and a few never-active seats', () => {
    for (const seed of [1, 42, 2026]) {
      const org = build(seed)
      const seats = seatHoldersAt(org, NOW)
      expect(seats.length, `seed ${seed}`).toBeGreaterThanOrEqual(20)
      expect(seats.length, `seed ${seed}`).toBeLessThanOrEqual(60)
      expect(new Set(org.people.map((p) => p.primaryIde)).size).toBeGreaterThanOrEqual(2)
      expect(new Set(org.people.flatMap((p) => p.languages)).size).toBeGreaterThanOrEqual(4)
      const data = createGithubData(org)
      const everActive = data.activeLogins(org.historyStart, ANCHOR)
      expect(
        seats.filter((p) => !everActive.has(p.login)).length,
        `seed ${seed}`,
      ).toBeGreaterThanOrEqual(1)
    }
  })

  it('is busier on weekdays, and heavy users do more than light ones', () => {
    const org = build(42)
    const data = createGithubData(org)
    const dau = (weekend: boolean) => {
      const days = LAST_8_WEEKS.filter((d) => isWeekend(d) === weekend)
      return days.reduce((s, d) => s + data.finalFacts(d).length, 0) / days.length
    }
    expect(dau(false)).toBeGreaterThan(3 * dau(true))
    const generationsPerActiveDay = (level: string) => {
      const facts = LAST_8_WEEKS.flatMap((d) => data.finalFacts(d)).filter(
        (f) => data.holder(f.login)?.activity === level,
      )
      const total = facts.reduce((s, f) => s + f.cells.reduce((n, c) => n + c.generations, 0), 0)
      return total / facts.length
    }
    expect(generationsPerActiveDay('heavy')).toBeGreaterThan(2 * generationsPerActiveDay('light'))
  })

  it('generates no activity without a seat and none before the history starts', () => {
    const org = build(42)
    const data = createGithubData(org)
    const removed = org.people.find((p) => p.seat.removedOn !== null && p.seat.removedOn < ANCHOR)!
    const after = daysIn({ from: removed.seat.removedOn!, to: ANCHOR })
    expect(after.some((d) => data.finalFacts(d).some((f) => f.login === removed.login))).toBe(false)
    expect(data.finalFacts('2025-01-01')).toEqual([])
  })
})
