import { describe, expect, it } from 'vitest'
import {
  allocate,
  cents,
  dollars,
  dollarsFromNumber,
  formatUsd,
  roundToCents,
  sum,
  toDecimalString,
  type Money,
} from './money.js'

describe('money', () => {
  it('parses cents strings exactly (Anthropic amounts)', () => {
    expect(toDecimalString(cents('83391.52823'))).toBe('833.915282300')
    expect(toDecimalString(cents('946.6'))).toBe('9.466000000')
    expect(toDecimalString(cents('-0.01'))).toBe('-0.000100000')
    expect(toDecimalString(cents(186))).toBe('1.860000000')
  })

  it('parses dollars, exponents and JSON numbers without float arithmetic', () => {
    expect(toDecimalString(dollars('1e-7'))).toBe('0.000000100')
    expect(toDecimalString(dollarsFromNumber(0.1))).toBe('0.100000000')
    expect(toDecimalString(dollarsFromNumber(0.06000000000000001))).toBe('0.060000000')
    // 0.1 + 0.2 in floats is 0.30000000000000004; in nanos it is exact.
    expect(toDecimalString(sum([dollarsFromNumber(0.1), dollarsFromNumber(0.2)]))).toBe(
      '0.300000000',
    )
  })

  it('rounds beyond 9 decimals half to even', () => {
    expect(toDecimalString(dollars('0.0000000005'))).toBe('0.000000000')
    expect(toDecimalString(dollars('0.0000000015'))).toBe('0.000000002')
    expect(toDecimalString(dollars('0.00000000151'))).toBe('0.000000002')
  })

  it('rejects what is not a decimal', () => {
    expect(() => dollars('1,000.00')).toThrow(/not a decimal/)
    expect(() => dollars('$5')).toThrow()
    expect(() => dollarsFromNumber(Number.NaN)).toThrow()
  })

  it('formats and rounds to cents', () => {
    expect(formatUsd(dollars('1234567.125'))).toBe('$1,234,567.12')
    expect(formatUsd(dollars('0.135'))).toBe('$0.14')
    expect(formatUsd(dollars('-2.5'))).toBe('-$2.50')
    expect(toDecimalString(roundToCents(dollars('0.005')))).toBe('0.000000000')
  })

  it('allocates exactly: parts always sum back to the total', () => {
    const total = dollars('100.00')
    const parts = allocate(total, [1n, 1n, 1n])
    expect(sum(parts)).toBe(total)
    expect(parts.map(toDecimalString)).toEqual(['33.333333334', '33.333333333', '33.333333333'])
    const odd = allocate(dollars('-0.000000007'), [3n, 0n, 4n])
    expect(sum(odd)).toBe(dollars('-0.000000007'))
    expect(allocate(dollars('1'), [0n, 0n]).map(toDecimalString)).toEqual([
      '0.500000000',
      '0.500000000',
    ])
  })

  it('allocation holds for many random splits', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let i = 0; i < 200; i++) {
      const total = BigInt(rand()) as Money
      const weights = Array.from({ length: 1 + (rand() % 9) }, () => BigInt(rand() % 1000))
      expect(sum(allocate(total, weights))).toBe(total)
    }
  })
})
