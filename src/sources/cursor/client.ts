// The Cursor Admin API client: HTTP Basic auth with the key as user name and an EMPTY password
// (the first system sent Bearer and was rejected), JSON POST bodies, and a per-endpoint pacer.
// The pacer's window is a minute plus a margin: Cursor counts a request when it arrives, we
// count it when we send it, so without slack a slower request k and a faster request k+20
// would land in the same server minute and draw a 429.

import { addDays, startOfDayMs, type DayRange } from '../../core/days.js'
import { basicAuth } from '../../http/auth.js'
import { createHttpClient } from '../../http/client.js'
import { createRateLimiter } from '../../http/rate-limit.js'
import type { HttpClient } from '../../http/types.js'
import type { VendorClientOptions } from '../source-deps.js'

export const CURSOR_PATHS = {
  members: '/teams/members',
  dailyUsage: '/teams/daily-usage-data',
  spend: '/teams/spend',
  events: '/teams/filtered-usage-events',
} as const

/** Slack added to the pacer's window so arrival-time jitter never crosses the server's limit. */
export const PACE_MARGIN_MS = 1_000

export interface CursorClientOptions extends VendorClientOptions {
  apiKey: string
  /** The pacer's window (default one minute + PACE_MARGIN_MS); tests shrink it. */
  windowMs?: number
}

export function createCursorClient(options: CursorClientOptions): HttpClient {
  return createHttpClient({
    vendor: 'cursor',
    baseUrl: options.baseUrl,
    headers: () => ({ authorization: basicAuth(options.apiKey) }),
    arrayStyle: 'repeat',
    authHint:
      'check CURSOR_API_KEY (an Admin API key from the Cursor dashboard → Settings → Advanced → Admin API Keys; the Admin API needs an Enterprise team)',
    rateLimit: createRateLimiter({
      requestsPerMinute: options.requestsPerMinute,
      windowMs: options.windowMs ?? 60_000 + PACE_MARGIN_MS,
      clock: options.clock,
    }),
    clock: options.clock,
    logger: options.logger,
    fetch: options.fetch,
  })
}

/**
 * The body range of whole UTC days: `from` 00:00Z to the last millisecond of `to`. Cursor's
 * `endDate` is inclusive of its day (a range ending at D+1 00:00Z also returns D+1), so the
 * range ends 1 ms before the next midnight; 30 days stay under the 30-day limit.
 * @example epochRange({ from: '2026-03-01', to: '2026-03-01' }) // one day, 86 399 999 ms long
 */
export function epochRange(window: DayRange): { startDate: number; endDate: number } {
  return { startDate: startOfDayMs(window.from), endDate: startOfDayMs(addDays(window.to, 1)) - 1 }
}
