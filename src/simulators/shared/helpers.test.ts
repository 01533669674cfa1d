import { describe, expect, it } from 'vitest'
import { bucketStarts } from './buckets.js'
import { isWeekend, mapDays } from './days.js'
import { createMemo } from './memo.js'
import { DEFAULT_HISTORY_DAYS, DEFAULT_SEED, resolveSimulatorOptions } from './options.js'
import { createRandom, randomChars } from './random.js'
import { createTestClock } from './test-clock.js'

describe('bucketStarts', () => {
  it('fills a page up to the limit and says where the next one starts', () => {
    expect(bucketStarts(0, 100, 10, 3)).toEqual({ starts: [0, 10, 20], next: 30 })
  })

  it('has no next page when the window ends on this one', () => {
    expect(bucketStarts(70, 100, 10, 3)).toEqual({ starts: [70, 80, 90] })
    expect(bucketStarts(90, 95, 10, 3)).toEqual({ starts: [90] })
  })
})

describe('isWeekend', () => {
  it('is true on Saturday and Sunday (UTC) only', () => {
    const week = ['2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16'].map(isWeekend)
    expect(week).toEqual([false, true, true, false])
  })
})

describe('resolveSimulatorOptions', () => {
  it('anchors the org to the start day with the shared defaults', () => {
    const now = () => new Date('2026-03-10T23:59:59Z')
    const r = resolveSimulatorOptions({ now }, 'fake-key')
    expect(r).toMatchObject({ seed: DEFAULT_SEED, apiKey: 'fake-key', port: 0 })
    expect(r.org).toEqual({ seed: 42, anchorDay: '2026-03-10', historyDays: DEFAULT_HISTORY_DAYS })
  })

  it('keeps what the caller gave', () => {
    const r = resolveSimulatorOptions({ seed: 7, apiKey: 'k', port: 1234, historyDays: 30 }, 'x')
    expect([r.seed, r.apiKey, r.port, r.org.seed, r.org.historyDays]).toEqual([7, 'k', 1234, 7, 30])
  })
})

describe('createTestClock', () => {
  it('moves only when told, from ISO text or epoch ms', () => {
    const clock = createTestClock('2026-03-10T00:00:00Z')
    clock.advance(1500)
    expect(clock.now().toISOString()).toBe('2026-03-10T00:00:01.500Z')
    clock.set(Date.parse('2026-01-01T00:00:00Z'))
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z')
    clock.set('2026-02-01T00:00:00Z')
    expect(clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z')
  })
})

describe('randomChars', () => {
  it('draws the given number of characters from the alphabet, the same for a seed', () => {
    const draw = () => randomChars(createRandom(3), 'ab', 40)
    expect(draw()).toMatch(/^[ab]{40}$/)
    expect(draw()).toBe(draw())
  })
})

describe('mapDays', () => {
  it('has an entry for every day of the range, in order', () => {
    const days = mapDays('2026-02-27', '2026-03-02', (d) => d.slice(8))
    expect([...days]).toEqual([
      ['2026-02-27', '27'],
      ['2026-02-28', '28'],
      ['2026-03-01', '01'],
      ['2026-03-02', '02'],
    ])
  })
})

describe('createMemo', () => {
  it('makes a value once per key and starts over when the limit is reached', () => {
    let made = 0
    const memo = createMemo(2)
    const get = (key: string) => memo(key, () => `${key}${++made}`)
    expect([get('a'), get('a'), get('b'), get('a')]).toEqual(['a1', 'a1', 'b2', 'a1'])
    expect(get('c')).toBe('c3') // full: emptied, then c is made
    expect(get('a')).toBe('a4')
  })
})
