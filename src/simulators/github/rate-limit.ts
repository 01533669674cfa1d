// GitHub's primary rate limit: an hourly budget per token (60 for unauthenticated callers) on
// the simulator clock, reported in x-ratelimit-* headers on every API response. Only enforced
// when `options.rateLimit.perHour` is set; otherwise the headers count requests against 5,000
// but `remaining` never drops below 1, so a pacing client never waits on a clock a test pinned.

import type { MiddlewareHandler } from 'hono'
import { HOUR_MS } from '../shared/days.js'
import { DOCS } from './catalog.js'
import { STORAGE_PREFIX } from './links.js'

export interface RateLimitOptions {
  /** Enforce this many requests per hour per token (GitHub: 5,000 for a user token). */
  perHour?: number
  /** Status of an exhausted budget: GitHub sends 403 (most often) or 429. */
  status?: 403 | 429
}

interface Window {
  startMs: number
  used: number
}

const DEFAULT_LIMIT = 5000
const ANONYMOUS_LIMIT = 60

export function rateLimitMiddleware(
  options: RateLimitOptions | undefined,
  bucketOf: (authorization: string | undefined) => 'token' | 'anonymous',
  nowMs: () => number,
): MiddlewareHandler {
  const windows = new Map<string, Window>()
  const enforced = options?.perHour !== undefined
  return async (c, next) => {
    if (c.req.path.startsWith(STORAGE_PREFIX)) return next()
    const now = nowMs()
    const bucket = bucketOf(c.req.header('authorization'))
    const limit = bucket === 'anonymous' ? ANONYMOUS_LIMIT : (options?.perHour ?? DEFAULT_LIMIT)
    const w = currentWindow(windows, bucket, now)
    const reset = String(Math.ceil((w.startMs + HOUR_MS) / 1000))
    if (enforced && w.used >= limit) {
      const headers = {
        ...rateHeaders(limit, 0, w.used, reset),
        'content-type': 'application/json; charset=utf-8',
      }
      const message = 'API rate limit exceeded for user ID 1. (simulated)'
      const body = JSON.stringify({
        message,
        documentation_url: `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
      })
      return new Response(body, { status: options?.status ?? 403, headers })
    }
    w.used += 1
    await next()
    if (c.res.headers.has('x-ratelimit-remaining')) return
    const remaining = enforced ? limit - w.used : Math.max(1, limit - w.used)
    for (const [k, v] of Object.entries(rateHeaders(limit, remaining, w.used, reset)))
      c.res.headers.set(k, v)
  }
}

function currentWindow(windows: Map<string, Window>, bucket: string, now: number): Window {
  const existing = windows.get(bucket)
  if (existing && now < existing.startMs + HOUR_MS) return existing
  const fresh = { startMs: now, used: 0 }
  windows.set(bucket, fresh)
  return fresh
}

function rateHeaders(
  limit: number,
  remaining: number,
  used: number,
  reset: string,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(used),
    'x-ratelimit-reset': reset,
    'x-ratelimit-resource': 'core',
  }
}
