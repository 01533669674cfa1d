import { describe, expect, it } from 'vitest'
import {
  backoffDelayMs,
  isRateLimited,
  planRetry,
  readRetryHintMs,
  readShouldRetry,
  resolveRetryPolicy,
} from './retry.js'

const NOW = new Date('2026-01-15T12:00:00Z')
const h = (init: Record<string, string>) => new Headers(init)

describe('readRetryHintMs', () => {
  it('reads retry-after-ms first, then retry-after seconds or date, then x-ratelimit-reset', () => {
    expect(readRetryHintMs(h({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250)
    expect(readRetryHintMs(h({ 'retry-after': '1.5' }), NOW)).toBe(1500)
    expect(readRetryHintMs(h({ 'retry-after': 'Thu, 15 Jan 2026 12:01:00 GMT' }), NOW)).toBe(60_000)
    const reset = String(NOW.getTime() / 1000 + 90)
    expect(
      readRetryHintMs(h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), NOW),
    ).toBe(90_000)
  })

  it('prefers an explicit retry-after over the primary-limit reset time', () => {
    const reset = String(NOW.getTime() / 1000 + 3000)
    const headers = h({
      'retry-after': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    })
    expect(readRetryHintMs(headers, NOW)).toBe(60_000)
  })

  it('ignores a reset while requests remain, garbage, and clamps past dates to 0', () => {
    const reset = String(NOW.getTime() / 1000 + 90)
    expect(
      readRetryHintMs(h({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': reset }), NOW),
    ).toBeUndefined()
    expect(readRetryHintMs(h({ 'retry-after': 'soon' }), NOW)).toBeUndefined()
    expect(readRetryHintMs(h({ 'retry-after': 'Thu, 15 Jan 2026 11:00:00 GMT' }), NOW)).toBe(0)
  })
})

describe('classification', () => {
  it('reads x-should-retry only when it says true or false', () => {
    expect(readShouldRetry(h({ 'x-should-retry': 'false' }))).toBe(false)
    expect(readShouldRetry(h({ 'x-should-retry': 'TRUE' }))).toBe(true)
    expect(readShouldRetry(h({}))).toBeUndefined()
  })

  it('tells a GitHub rate-limit 403 from a permission 403', () => {
    expect(isRateLimited(403, h({ 'x-ratelimit-remaining': '0' }), '')).toBe(true)
    expect(
      isRateLimited(403, h({}), '{"message":"You have exceeded a secondary rate limit"}'),
    ).toBe(true)
    expect(
      isRateLimited(
        403,
        h({ 'x-ratelimit-remaining': '4999' }),
        '{"message":"Must have admin rights"}',
      ),
    ).toBe(false)
    expect(isRateLimited(429, h({}), '')).toBe(true)
  })
})

describe('planRetry', () => {
  const policy = resolveRetryPolicy({ random: () => 1, maxAttempts: 3 })

  it('uses the hint as is, else a growing capped backoff', () => {
    expect(planRetry({ retryable: true, hintMs: 7000 }, 1, policy)).toEqual({
      action: 'retry',
      waitMs: 7000,
    })
    expect([1, 2, 3, 8, 20].map((a) => backoffDelayMs(a, policy))).toEqual([
      500, 1000, 2000, 30_000, 30_000,
    ])
  })

  it('stops on terminal failures, on exhaustion and on hints above maxRetryAfterMs', () => {
    expect(planRetry({ retryable: false }, 1, policy)).toEqual({
      action: 'stop',
      reason: 'terminal',
    })
    expect(planRetry({ retryable: true }, 3, policy)).toEqual({
      action: 'stop',
      reason: 'exhausted',
    })
    expect(planRetry({ retryable: true, hintMs: 120_001 }, 1, policy)).toEqual({
      action: 'stop',
      reason: 'hint-too-long',
      hintMs: 120_001,
    })
  })

  it('keeps defaults for fields left undefined', () => {
    expect(resolveRetryPolicy({ maxAttempts: undefined })).toMatchObject({
      maxAttempts: 5,
      maxRetryAfterMs: 120_000,
    })
  })
})
