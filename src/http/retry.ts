// When to retry and how long to wait. Server hints win over our own backoff, in the order the
// official OpenAI SDK uses (`retry-after-ms`, then `retry-after`), plus GitHub's
// `x-ratelimit-reset`. A hint is honoured exactly, never jittered: the server knows best, and a
// hint longer than `maxRetryAfterMs` ends the request instead of silently stalling a run.

/** Retry settings; every field has a default, so pass only what you change. */
export interface RetryPolicy {
  /** Attempts per request including the first (default 5). */
  maxAttempts?: number
  /** First backoff cap; doubles per attempt (default 500 ms). */
  baseDelayMs?: number
  /** Largest backoff cap (default 30 s). */
  maxDelayMs?: number
  /** Longest server-requested wait we accept; longer ends the request (default 120 s). */
  maxRetryAfterMs?: number
  /** [0, 1) source for jitter; inject a seeded one in tests (default Math.random). */
  random?: () => number
}

export type ResolvedRetryPolicy = Required<RetryPolicy>

export const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
})

/** Fills in defaults. @example resolveRetryPolicy({ maxAttempts: 3 }).baseDelayMs // 500 */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  const defined = Object.entries(policy).filter(([, v]) => v !== undefined)
  return Object.freeze({ ...DEFAULT_RETRY_POLICY, ...Object.fromEntries(defined) })
}

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(max, base·2^(attempt−1))].
 * @example backoffDelayMs(3, resolveRetryPolicy({ random: () => 0.5 })) // 1000
 */
export function backoffDelayMs(attempt: number, policy: ResolvedRetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(policy.random() * cap)
}

/** What a failed attempt tells the planner. */
export interface FailedAttempt {
  retryable: boolean
  /** Server-requested wait (see readRetryHintMs). */
  hintMs?: number
}

export type RetryPlan =
  | { action: 'retry'; waitMs: number }
  | { action: 'stop'; reason: 'terminal' | 'exhausted' | 'hint-too-long'; hintMs?: number }

/**
 * Decides the next step after attempt number `attempt` (1-based) failed.
 * @example
 * planRetry({ retryable: true, hintMs: 7000 }, 1, resolveRetryPolicy())
 * // { action: 'retry', waitMs: 7000 }
 */
export function planRetry(
  failure: FailedAttempt,
  attempt: number,
  policy: ResolvedRetryPolicy,
): RetryPlan {
  if (!failure.retryable) return { action: 'stop', reason: 'terminal' }
  const { hintMs } = failure
  if (hintMs !== undefined && hintMs > policy.maxRetryAfterMs) {
    return { action: 'stop', reason: 'hint-too-long', hintMs }
  }
  if (attempt >= policy.maxAttempts) return { action: 'stop', reason: 'exhausted' }
  return { action: 'retry', waitMs: hintMs ?? backoffDelayMs(attempt, policy) }
}

/** Statuses worth another attempt: 408, 409, 429 and every 5xx (Anthropic's 529 included). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500
}

/** `x-should-retry: true|false` (OpenAI) overrides our own classification when present. */
export function readShouldRetry(headers: Headers): boolean | undefined {
  const value = headers.get('x-should-retry')?.trim().toLowerCase()
  if (value === 'true') return true
  if (value === 'false') return false
  return undefined
}

/**
 * The wait the server asks for, in ms, or undefined when it gives no hint. Past dates give 0.
 * @example readRetryHintMs(new Headers({ 'retry-after': '7' }), new Date()) // 7000
 */
export function readRetryHintMs(headers: Headers, now: Date): number | undefined {
  const hint = retryAfterMs(headers, now) ?? rateLimitResetMs(headers, now)
  return hint === undefined ? undefined : Math.max(0, Math.ceil(hint))
}

/**
 * A rate-limit answer: any 429, or a GitHub 403 that says so (remaining 0, a `retry-after`, or
 * a "rate limit" message — the secondary limit sometimes sends only the message).
 */
export function isRateLimited(status: number, headers: Headers, bodyText: string): boolean {
  if (status === 429) return true
  if (status !== 403) return false
  return (
    headers.get('x-ratelimit-remaining')?.trim() === '0' ||
    headers.has('retry-after') ||
    /rate limit/i.test(bodyText)
  )
}

function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const ms = parseNumber(headers.get('retry-after-ms'))
  if (ms !== undefined) return ms
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  const seconds = parseNumber(value)
  if (seconds !== undefined) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : date - now.getTime()
}

function rateLimitResetMs(headers: Headers, now: Date): number | undefined {
  if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return undefined
  const resetSeconds = parseNumber(headers.get('x-ratelimit-reset'))
  return resetSeconds === undefined ? undefined : resetSeconds * 1000 - now.getTime()
}

function parseNumber(text: string | null): number | undefined {
  if (text == null || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined
  return Number(text)
}
