// Time is injected so tests can pin "today" and skip sleeps instead of waiting.

import { dayOf, addDays, type Day } from './days.js'

export interface Clock {
  now(): Date
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error)
      const timer = setTimeout(resolve, ms)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(signal.reason as Error)
      })
    }),
}

/** The last complete UTC day: yesterday. */
export function yesterdayUtc(clock: Clock): Day {
  return addDays(dayOf(clock.now()), -1)
}
