import { describe, expect, it } from 'vitest'
import { addDays, chunkRange, dayOfEpochMs, daysIn, diffDays, isDay } from './days.js'

describe('days', () => {
  it('validates calendar days', () => {
    expect(isDay('2026-02-28')).toBe(true)
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2026-2-1')).toBe(false)
  })

  it('adds days across months, years and DST without drifting', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31')
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364)
  })

  it('keys an epoch by its UTC day, whatever the time of day', () => {
    expect(dayOfEpochMs(Date.parse('2026-10-15T23:59:59.999Z'))).toBe('2026-10-15')
  })

  it('chunks an inclusive range without gaps or overlaps', () => {
    const chunks = chunkRange({ from: '2026-01-01', to: '2026-03-02' }, 30)
    expect(chunks.flatMap(daysIn)).toEqual(daysIn({ from: '2026-01-01', to: '2026-03-02' }))
    expect(chunks).toHaveLength(3)
  })
})
