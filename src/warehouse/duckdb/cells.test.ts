import { describe, expect, it } from 'vitest'
import { isoToMicros, scaleDecimal, scaledText } from './cells.js'
import { isoFromMicros } from './results.js'

describe('scaleDecimal', () => {
  it('scales decimal text exactly, including exponents', () => {
    expect(scaleDecimal('0.000000001', 9)).toBe(1n)
    expect(scaleDecimal('12345678901234567890.123456789', 9)).toBe(12345678901234567890123456789n)
    expect(scaleDecimal('-1.5', 9)).toBe(-1500000000n)
    expect(scaleDecimal('1e-7', 9)).toBe(100n)
    expect(scaleDecimal('2.50000000000', 9)).toBe(2500000000n)
  })

  it('formats a scaled value back as canonical decimal text', () => {
    expect(scaledText(1n, 9)).toBe('0.000000001')
    expect(scaledText(-1500000000n, 9)).toBe('-1.500000000')
    expect(scaledText(42n, 0)).toBe('42')
  })

  it('refuses to drop a non-zero digit or parse garbage', () => {
    expect(scaleDecimal('0.0000000001', 9)).toBeUndefined()
    expect(scaleDecimal('1,5', 9)).toBeUndefined()
    expect(scaleDecimal('NaN', 9)).toBeUndefined()
  })
})

describe('isoToMicros', () => {
  it('honours offsets and microseconds', () => {
    expect(isoToMicros('1970-01-01T00:00:00Z')).toBe(0n)
    expect(isoToMicros('1970-01-01T02:00:00.000001+02:00')).toBe(1n)
    expect(isoToMicros('1970-01-01T00:00:00-0130')).toBe(5_400_000_000n)
    expect(isoToMicros('2025-03-01')).toBe(BigInt(Date.UTC(2025, 2, 1)) * 1000n)
  })

  it('rejects impossible dates and times', () => {
    expect(isoToMicros('2025-02-30T00:00:00Z')).toBeUndefined()
    expect(isoToMicros('2025-01-01T25:00:00Z')).toBeUndefined()
    expect(isoToMicros('yesterday')).toBeUndefined()
  })
})

describe('isoFromMicros', () => {
  it('reads back what Date#toISOString wrote, and keeps microseconds when present', () => {
    const iso = '2025-03-01T06:00:00.123Z'
    expect(isoFromMicros(isoToMicros(iso)!)).toBe(iso)
    expect(isoFromMicros(isoToMicros('2025-03-01T06:00:00.123456Z')!)).toBe(
      '2025-03-01T06:00:00.123456Z',
    )
    expect(isoFromMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z')
  })
})
