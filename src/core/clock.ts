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
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal?.reason as Error)
      }
      // Remove the listener when the timer fires: a run-wide signal sees thousands of sleeps.
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

/** The last complete UTC day: yesterday. */
export function yesterdayUtc(clock: Clock): Day {
  return addDays(dayOf(clock.now()), -1)
}
