import { describe, expect, it } from 'vitest'
import { toDecimalString } from '../core/money.js'
import {
  blankToNull,
  normalizeEmail,
  parseDay,
  parseDisplayCount,
  parseDisplayDecimal,
  parseDisplayDollars,
  parseMonth,
  parseUtcTimestamp,
} from './values.js'

const dollarsText = (text: string) => {
  const amount = parseDisplayDollars(text)
  return amount === undefined ? undefined : toDecimalString(amount)
}

describe('parseDisplayDollars', () => {
  it.each([
    ['$1,034.83', '1034.830000000'],
    ['$52.38', '52.380000000'],
    ['$0.00', '0.000000000'],
    ['1034.83', '1034.830000000'],
    [' $1,234,567.5 ', '1234567.500000000'],
    ['-$50.00', '-50.000000000'],
    ['$-50', '-50.000000000'],
    ['0.123456789', '0.123456789'],
  ])('reads %j exactly as %s', (text, expected) => {
    expect(dollarsText(text)).toBe(expected)
  })

  it.each([
    '$1,03x.00',
    '1,0345.00',
    '$',
    '',
    '1.2.3',
    '--5',
    '-$-5',
    '$1,034.83 USD',
    '1e3',
    '0.1234567891',
    '€5',
  ])('refuses %j', (text) => {
    expect(parseDisplayDollars(text)).toBeUndefined()
  })
})

describe('parseDisplayCount and parseDisplayDecimal', () => {
  it('reads grouped and plain whole numbers', () => {
    expect(parseDisplayCount('15,344')).toBe(15344)
    expect(parseDisplayCount('108,316')).toBe(108316)
    expect(parseDisplayCount('0')).toBe(0)
    expect(parseDisplayCount(' 912 ')).toBe(912)
  })

  it.each(['1,23', '-5', '1.5', '', '12,3456', '99999999999999999999'])(
    'refuses count %j',
    (text) => {
      expect(parseDisplayCount(text)).toBeUndefined()
    },
  )

  it('reads decimals without a currency sign', () => {
    expect(parseDisplayDecimal('8,343')).toBe('8343.000000000')
    expect(parseDisplayDecimal('0.5')).toBe('0.500000000')
    expect(parseDisplayDecimal('$5')).toBeUndefined()
  })
})

describe('emails, months, days, timestamps', () => {
  it('lower-cases and validates emails', () => {
    expect(normalizeEmail(' Sean.ONeil@Example.com ')).toBe('sean.oneil@example.com')
    expect(normalizeEmail('not-an-email')).toBeUndefined()
    expect(normalizeEmail('a@b')).toBeUndefined()
  })

  it('gives a month its first and last day', () => {
    expect(parseMonth('2026-02')).toEqual({
      month: '2026-02',
      first: '2026-02-01',
      last: '2026-02-28',
    })
    expect(parseMonth('2028-02')?.last).toBe('2028-02-29')
    expect(parseMonth('2026-12')?.last).toBe('2026-12-31')
    expect(parseMonth('2026-13')).toBeUndefined()
    expect(parseMonth('2026-1')).toBeUndefined()
  })

  it('accepts real days only', () => {
    expect(parseDay('2026-10-31')).toBe('2026-10-31')
    expect(parseDay('2026-02-30')).toBeUndefined()
  })

  it('canonicalizes UTC timestamps to microseconds and refuses other zones', () => {
    expect(parseUtcTimestamp('2026-10-17T17:16:15.418430Z')).toBe('2026-10-17T17:16:15.418430Z')
    expect(parseUtcTimestamp('2026-10-17T17:16:15.4Z')).toBe('2026-10-17T17:16:15.400000Z')
    expect(parseUtcTimestamp('2026-10-17 17:16:15+00:00')).toBe('2026-10-17T17:16:15.000000Z')
    expect(parseUtcTimestamp('2026-10-17T17:16:15.418430+02:00')).toBeUndefined()
    expect(parseUtcTimestamp('2026-10-17T17:16:15')).toBeUndefined()
    expect(parseUtcTimestamp('2026-10-17T24:00:00Z')).toBeUndefined()
    expect(parseUtcTimestamp('2026-10-17T17:16:15.1234567Z')).toBeUndefined()
  })

  it('turns blank cells into null', () => {
    expect(blankToNull('  ')).toBeNull()
    expect(blankToNull(' x ')).toBe('x')
    expect(blankToNull(undefined)).toBeNull()
  })
})
