// Client-side pacing per endpoint, so a long backfill slows down instead of being throttled
// into failure (Cursor allows 20 requests/min per endpoint). A sliding window of grant times
// rather than a token bucket: it is exact for "no more than N in any minute", which is how
// vendors state their limits. Waiters on one endpoint queue in order; other endpoints are free.

import type { Clock } from '../core/clock.js'

export interface RateLimiter {
  /** Waits until `endpoint` has a free slot, takes it, and returns the ms waited (0: none). */
  acquire(endpoint: string, signal?: AbortSignal): Promise<number>
  /** Blocks `endpoint` for `ms` from now: the server said so (a 429 with Retry-After). */
  pause(endpoint: string, ms: number): void
}

export interface RateLimiterOptions {
  /** Slots per window for every endpoint not named in `limits`. */
  requestsPerMinute: number
  /** Per-endpoint overrides: `{ '/teams/user-spend-limit': 250 }`. */
  limits?: Record<string, number>
  clock: Clock
  /** Called before each wait, e.g. to log it. */
  onWait?: (endpoint: string, waitMs: number) => void
  /** Window length (default 60 000 ms). */
  windowMs?: number
}

interface Bucket {
  grants: number[]
  blockedUntil: number
  queue: Promise<unknown>
}

/**
 * A per-endpoint sliding-window pacer.
 * @example
 * const rateLimit = createRateLimiter({ requestsPerMinute: 20, clock: systemClock })
 * const http = createHttpClient({ vendor: 'cursor', baseUrl, headers, arrayStyle: 'repeat', rateLimit })
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? 60_000
  for (const limit of [options.requestsPerMinute, ...Object.values(options.limits ?? {})]) {
    if (!(limit >= 1)) throw new RangeError(`a rate limit must be at least 1 request, got ${limit}`)
  }
  const buckets = new Map<string, Bucket>()
  const bucketOf = (endpoint: string): Bucket => {
    let bucket = buckets.get(endpoint)
    if (!bucket)
      buckets.set(endpoint, (bucket = { grants: [], blockedUntil: 0, queue: Promise.resolve() }))
    return bucket
  }
  const limitOf = (endpoint: string) => options.limits?.[endpoint] ?? options.requestsPerMinute

  const reserve = async (endpoint: string, bucket: Bucket, signal?: AbortSignal) => {
    let waited = 0
    for (;;) {
      const now = options.clock.now().getTime()
      const waitMs = waitBefore(bucket, limitOf(endpoint), windowMs, now)
      if (waitMs <= 0) {
        bucket.grants.push(now)
        return waited
      }
      options.onWait?.(endpoint, waitMs)
      await options.clock.sleep(waitMs, signal)
      waited += waitMs
    }
  }

  return {
    acquire(endpoint, signal) {
      const bucket = bucketOf(endpoint)
      const turn = bucket.queue.then(() => reserve(endpoint, bucket, signal))
      // An aborted waiter must not block the ones queued behind it.
      bucket.queue = turn.catch(() => undefined)
      return turn
    },
    pause(endpoint, ms) {
      const bucket = bucketOf(endpoint)
      bucket.blockedUntil = Math.max(bucket.blockedUntil, options.clock.now().getTime() + ms)
    },
  }
}

/** Ms until a slot frees up: after a server pause, or when the oldest grant leaves the window. */
function waitBefore(bucket: Bucket, limit: number, windowMs: number, now: number): number {
  const { grants } = bucket
  while (grants.length > 0 && (grants[0] ?? now) <= now - windowMs) grants.shift()
  if (bucket.blockedUntil > now) return bucket.blockedUntil - now
  if (grants.length < limit) return 0
  return (grants[0] ?? now) + windowMs - now
}
