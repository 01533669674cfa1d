// Per-endpoint rolling-window rate limiter on the simulator's clock (20 requests per minute per
// team per endpoint, as documented). Only admitted requests fill the window, so a client that
// backs off recovers. Rejections rotate through both documented 429 bodies, with and without
// `Retry-After`, so a client must handle every combination. The window is configurable so a
// real-time test can shrink "a minute" to a few hundred milliseconds.

export interface RateLimitOptions {
  perMinute?: number
  windowMs?: number
}

export interface RateLimitRejection {
  body: Record<string, string>
  /** Seconds, when this rejection carries a `Retry-After` header. */
  retryAfterSeconds?: number
}

const DOCUMENTED_BODY = {
  error: 'Too Many Requests',
  message: 'Rate limit exceeded. Please try again later.',
}
// The shape a third-party page reports for Admin API 429s (see vendor-apis.md §3.1).
const OBSERVED_BODY = { code: 'error', message: 'Rate limit exceeded' }
const VARIANTS: readonly { body: Record<string, string>; withRetryAfter: boolean }[] = [
  { body: DOCUMENTED_BODY, withRetryAfter: false },
  { body: OBSERVED_BODY, withRetryAfter: true },
  { body: DOCUMENTED_BODY, withRetryAfter: true },
  { body: OBSERVED_BODY, withRetryAfter: false },
]

export class RateLimiter {
  private readonly admitted = new Map<string, number[]>()
  private readonly perMinute: number
  private readonly windowMs: number
  private rejections = 0

  constructor(
    options: RateLimitOptions,
    private readonly nowMs: () => number,
  ) {
    this.perMinute = options.perMinute ?? 20
    this.windowMs = options.windowMs ?? 60_000
  }

  /** Admits the request (undefined) or says how to reject it. */
  check(endpoint: string): RateLimitRejection | undefined {
    const now = this.nowMs()
    const recent = (this.admitted.get(endpoint) ?? []).filter((t) => t > now - this.windowMs)
    this.admitted.set(endpoint, recent)
    if (recent.length < this.perMinute) {
      recent.push(now)
      return undefined
    }
    const variant = VARIANTS[this.rejections++ % VARIANTS.length]!
    const waitMs = recent[0]! + this.windowMs - now
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000))
    return variant.withRetryAfter
      ? { body: variant.body, retryAfterSeconds }
      : { body: variant.body }
  }
}
