// The Cursor Admin API simulator: a real loopback HTTP server speaking `GET /teams/members` and
// `POST /teams/{daily-usage-data,spend,filtered-usage-events}` over a seeded synthetic team,
// plus the exact truth behind it. The org is anchored to the day the simulator starts, so a
// clock that later moves forward sees the same people and history, growing.
//
// @example
//   const sim = await startCursorSimulator({ now: () => clock.now() })
//   const auth = 'Basic ' + Buffer.from(`${sim.apiKey}:`).toString('base64')
//   await fetch(`${sim.url}/teams/spend`, { method: 'POST', headers: { authorization: auth }, body: '{}' })

import { resolveSimulatorOptions, type VendorSimulatorOptions } from '../shared/options.js'
import { startServer } from '../shared/server.js'
import { createCursorApp, type RequestLogEntry } from './app.js'
import { CursorData } from './data.js'
import { createCursorFaults, type CursorFaults, type FaultOptions } from './faults.js'
import { buildCursorOrg } from './org.js'
import { RateLimiter, type RateLimitOptions } from './rate-limit.js'
import { createCursorTruth, type CursorTruth } from './truth.js'

export type { RequestLogEntry } from './app.js'
export type { CursorFaults, FaultOptions, FaultSpec } from './faults.js'
export type { RateLimitOptions } from './rate-limit.js'
export type { DailyUsageRow } from './daily.js'
export type { EventKind } from './ledger.js'
export type * from './truth.js'

/** `key_` + 64 hex, in the documented shape and obviously not a real key. */
export const DEFAULT_CURSOR_API_KEY = `key_${'deadbeef'.repeat(8)}`

export interface CursorSimulatorOptions extends VendorSimulatorOptions {
  /** The API serves only the last N days before `now` (default 90); the truth keeps all. */
  retentionDays?: number
  faults?: FaultOptions
  /** Per-endpoint limit on the simulator's clock (default 20 per 60 s); false disables it. */
  rateLimit?: RateLimitOptions | false
  /** false: every authenticated call gets 403 "Enterprise access required". */
  enterprise?: boolean
}

export interface CursorSimulator {
  /** 'http://127.0.0.1:PORT' (the Cursor base URL, no path). */
  url: string
  apiKey: string
  truth: CursorTruth
  faults: CursorFaults
  requests: RequestLogEntry[]
  close(): Promise<void>
}

export async function startCursorSimulator(
  options: CursorSimulatorOptions = {},
): Promise<CursorSimulator> {
  const { seed, now, apiKey, port, org } = resolveSimulatorOptions(options, DEFAULT_CURSOR_API_KEY)
  const data = new CursorData(
    buildCursorOrg(seed, org.anchorDay, org.historyDays),
    options.retentionDays ?? 90,
  )
  const faults = createCursorFaults(seed, options.faults)
  const limiter =
    options.rateLimit === false
      ? undefined
      : new RateLimiter(options.rateLimit ?? {}, () => now().getTime())
  const requests: RequestLogEntry[] = []
  const enterprise = options.enterprise ?? true
  const app = createCursorApp({ data, apiKey, now, faults, limiter, enterprise, requests })
  const server = await startServer(app, port)
  return {
    url: server.url,
    apiKey,
    truth: createCursorTruth(data, now),
    faults,
    requests,
    close: () => server.close(),
  }
}
