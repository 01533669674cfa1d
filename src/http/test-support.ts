// Test helpers for the HTTP layer: a fake clock whose sleeps return at once but advance time
// and are recorded (so tests assert waits without waiting), and loopback servers closed after
// each test. Lives beside the tests because only src/http uses it so far.

import type { Hono } from 'hono'
import type { Clock } from '../core/clock.js'
import { startServer, type RunningServer } from '../simulators/shared/server.js'

export interface FakeClock extends Clock {
  /** Every requested sleep, in order. */
  sleeps: number[]
  nowMs(): number
}

export function createFakeClock(start = '2026-01-15T12:00:00.000Z'): FakeClock {
  let now = Date.parse(start)
  const sleeps: number[] = []
  return {
    sleeps,
    nowMs: () => now,
    now: () => new Date(now),
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    },
  }
}

/** Starts apps on port 0 and closes them all in `closeAll` (call it in afterEach). */
export function createServerPool() {
  const running: RunningServer[] = []
  return {
    async start(app: Hono): Promise<string> {
      const server = await startServer(app)
      running.push(server)
      return server.url
    },
    async closeAll(): Promise<void> {
      await Promise.all(running.splice(0).map((s) => s.close()))
    },
  }
}
