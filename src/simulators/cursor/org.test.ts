import { describe, expect, it } from 'vitest'
import { addDays } from '../../core/days.js'
import { buildCursorOrg, isMemberOn } from './org.js'
import { CursorData } from './data.js'
import { FIXED_NOW } from './test-client.js'

const ANCHOR = '2026-03-10'

describe('the synthetic Cursor team', () => {
  const org = buildCursorOrg(42, ANCHOR, 400)

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(JSON.stringify(buildCursorOrg(42, ANCHOR, 400))).toBe(JSON.stringify(org))
    expect(buildCursorOrg(7, ANCHOR, 400).members[0]!.email).not.toBe(org.members[0]!.email)
    const a = new CursorData(org, 90).dailyRows('2026-03-02', FIXED_NOW)
    const b = new CursorData(buildCursorOrg(42, ANCHOR, 400), 90).dailyRows('2026-03-02', FIXED_NOW)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('has 30–80 seats, a few heavy users, ~20 % idle, owners and a free-owner', () => {
    const seats = org.members.filter((m) => isMemberOn(m, ANCHOR))
    expect(seats.length).toBeGreaterThanOrEqual(30)
    expect(seats.length).toBeLessThanOrEqual(80)
    const count = (p: string) => seats.filter((m) => m.profile === p).length
    expect(count('heavy')).toBeGreaterThanOrEqual(3)
    expect(count('heavy')).toBeLessThanOrEqual(6)
    expect(count('idle') / seats.length).toBeCloseTo(0.2, 1)
    expect(seats.filter((m) => m.role === 'owner')).toHaveLength(2)
    expect(seats.filter((m) => m.role === 'free-owner')).toHaveLength(1)
    expect(new Set(org.members.map((m) => m.email)).size).toBe(org.members.length)
    expect(org.members.every((m, i) => m.index === i && /^user_[A-Za-z0-9]{26}$/.test(m.id))).toBe(
      true,
    )
  })

  it('has joins and removals inside the last 30 days and a mid-month billing cycle', () => {
    const recent = (d?: string) => d !== undefined && d > addDays(ANCHOR, -30) && d <= ANCHOR
    expect(org.members.some((m) => recent(m.removedDay))).toBe(true)
    expect(org.members.some((m) => m.joinDay !== org.historyStart && recent(m.joinDay))).toBe(true)
    expect(org.cycle.dayOfMonth).toBeGreaterThanOrEqual(14)
    expect(org.cycle.dayOfMonth).toBeLessThanOrEqual(20)
  })

  it('is busier on weekdays than on weekends', () => {
    const data = new CursorData(org, 90)
    const active = (day: string) => data.dailyRows(day, FIXED_NOW).filter((r) => r.isActive).length
    const weekdays = ['2026-03-02', '2026-03-03', '2026-03-04'].map(active)
    const weekend = ['2026-02-28', '2026-03-01', '2026-03-07'].map(active)
    expect(Math.min(...weekdays)).toBeGreaterThan(Math.max(...weekend))
  })

  it('drops members whose whole membership lies before a short history', () => {
    const short = buildCursorOrg(42, ANCHOR, 10)
    expect(short.members.length).toBeLessThan(org.members.length)
    expect(short.members.every((m) => m.removedDay === undefined || m.removedDay > m.joinDay)).toBe(
      true,
    )
  })
})
