import { describe, expect, it } from 'vitest'
import { canonicalJson, occurrencesOf } from './event-keys.js'

const ev = (timestamp: string, userEmail: string, chargedCents: number, model = 'gpt-5') => ({
  timestamp,
  userEmail,
  model,
  chargedCents,
})

describe('canonicalJson', () => {
  it('is the same text whatever the key order, at every level', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }
    const b = { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}')
  })

  it('tells different content apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }))
  })
})

describe('occurrencesOf', () => {
  it('gives two events of one person in one millisecond two ranks', () => {
    const events = [
      ev('100', 'a@x', 5),
      ev('100', 'a@x', 7),
      ev('100', 'b@x', 5),
      ev('99', 'a@x', 5),
    ]
    expect(occurrencesOf(events)).toEqual([0, 1, 0, 0])
  })

  it('ranks by content, so a re-read in another order gives each event the same rank', () => {
    const first = ev('100', 'a@x', 7)
    const second = ev('100', 'A@x', 5)
    const once = occurrencesOf([first, second])
    const again = occurrencesOf([second, first])
    expect(once).toEqual([1, 0])
    expect(again).toEqual([0, 1])
  })

  it('keeps identical events apart (two rows, ranks 0 and 1)', () => {
    expect(occurrencesOf([ev('1', 'a@x', 5), ev('1', 'a@x', 5)])).toEqual([0, 1])
  })

  it('handles an empty read', () => {
    expect(occurrencesOf([])).toEqual([])
  })
})
