// A test clock: "now" is set by the test, sleeps return at once but are recorded, so retry
// and pacing behaviour is asserted without waiting.

import type { Clock } from '../../src/core/clock.js'

export interface FakeClock extends Clock {
  set(iso: string): void
  advance(ms: number): void
  sleeps: number[]
}

export function createFakeClock(startIso: string): FakeClock {
  let current = Date.parse(startIso)
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => new Date(current),
    sleep: (ms) => {
      sleeps.push(ms)
      current += ms
      return Promise.resolve()
    },
    set: (iso) => {
      current = Date.parse(iso)
    },
    advance: (ms) => {
      current += ms
    },
  }
}
