// Test support for the simulator's own tests (and for anyone who wants to poke it by hand): a
// manual clock and a tiny HTTP client that authenticates the documented way.

import { createTestClock, type TestClock } from '../shared/test-clock.js'
import type { CursorSimulator } from './index.js'
import type { WireEvent } from './wire.js'

/** A Tuesday afternoon, 18 days into the seed-42 billing cycle (cycles start on the 20th). */
export const FIXED_NOW = Date.parse('2026-03-10T15:30:00Z')

export type ManualClock = TestClock

export function manualClock(startMs = FIXED_NOW): ManualClock {
  return createTestClock(startMs)
}

export function basicAuth(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export interface Reply {
  status: number
  headers: Headers
  /** Parsed JSON (undefined if the body was not JSON). */
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string
}

export function cursorClient(sim: CursorSimulator) {
  const send = async (path: string, init: RequestInit): Promise<Reply> => {
    const res = await fetch(`${sim.url}${path}`, init)
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, headers: res.headers, json, text }
  }
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: basicAuth(sim.apiKey),
    'content-type': 'application/json',
    ...extra,
  })
  return {
    get: (path: string, extra?: Record<string, string>) => send(path, { headers: headers(extra) }),
    post: (path: string, body: unknown, extra?: Record<string, string>) =>
      send(path, { method: 'POST', headers: headers(extra), body: JSON.stringify(body) }),
    /** Reads every page of filtered-usage-events for the range. */
    allEvents: async (body: Record<string, unknown>, pageSize = 1000) => {
      const events: WireEvent[] = []
      for (let page = 1; ; page++) {
        const reply = await send('/teams/filtered-usage-events', {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({ ...body, page, pageSize }),
        })
        if (reply.status !== 200) throw new Error(`page ${page}: HTTP ${reply.status}`)
        const served = reply.json as {
          usageEvents: WireEvent[]
          pagination: { hasNextPage: boolean }
        }
        events.push(...served.usageEvents)
        if (!served.pagination.hasNextPage) return events
      }
    },
  }
}
