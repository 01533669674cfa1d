import { describe, expect, it } from 'vitest'
import { cents, toDecimalString } from '../../core/money.js'
import { nextCycleStartAt, cycleStartAt } from './cycle.js'
import { centsNumber, centsText, unitsToMoney } from './units.js'

describe('exact fractional cents', () => {
  it.each([
    [2018232, '20.18232'],
    [400000, '4'],
    [1, '0.00001'],
    [0, '0'],
    [-150, '-0.0015'],
    [123456789012345, '1234567890.12345'],
  ])('%i units are %s cents', (units, text) => {
    expect(centsText(units)).toBe(text)
  })

  it('serializes as a JSON number whose text is the exact decimal', () => {
    const units = 1720773663 // 17207.73663 cents
    const wire = JSON.parse(JSON.stringify({ v: centsNumber(units) })) as { v: number }
    expect(cents(wire.v)).toBe(unitsToMoney(units))
    expect(toDecimalString(unitsToMoney(units))).toBe('172.077366300')
  })

  it('refuses non-integer unit counts', () => {
    expect(() => centsText(1.5)).toThrow(RangeError)
  })
})

describe('billing cycle boundaries', () => {
  const cycle = { dayOfMonth: 17, hour: 20, minute: 33 }
  const at = (iso: string) => Date.parse(iso)

  it('starts mid-month at a fixed time of day', () => {
    expect(cycleStartAt(cycle, at('2026-03-10T00:00:00Z'))).toBe(at('2026-02-17T20:33:00Z'))
    expect(cycleStartAt(cycle, at('2026-03-17T20:32:59Z'))).toBe(at('2026-02-17T20:33:00Z'))
    expect(cycleStartAt(cycle, at('2026-03-17T20:33:00Z'))).toBe(at('2026-03-17T20:33:00Z'))
  })

  it('crosses year boundaries in both directions', () => {
    expect(cycleStartAt(cycle, at('2026-01-05T00:00:00Z'))).toBe(at('2025-12-17T20:33:00Z'))
    expect(nextCycleStartAt(cycle, at('2025-12-20T00:00:00Z'))).toBe(at('2026-01-17T20:33:00Z'))
  })
})
