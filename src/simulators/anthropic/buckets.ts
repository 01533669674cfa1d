// Time buckets and the opaque `next_page` token of the report endpoints. A page holds at most
// `limit` buckets, empty ones included; the token is 'page_' + base64 of the next bucket's
// start (as the original team observed), checked against the request's window when it returns.

import { bucketStarts, type BucketPage as SharedBucketPage } from '../shared/buckets.js'
import { invalid, one, parseLimit, requiredInstant, type Query } from './params.js'

export type BucketWidth = '1d' | '1h' | '1m'

export const BUCKET_WIDTHS: Readonly<
  Record<BucketWidth, { ms: number; defaultLimit: number; maxLimit: number }>
> = {
  '1d': { ms: 86_400_000, defaultLimit: 7, maxLimit: 31 },
  '1h': { ms: 3_600_000, defaultLimit: 24, maxLimit: 168 },
  '1m': { ms: 60_000, defaultLimit: 60, maxLimit: 1440 },
}

/** Bucket starts in epoch ms. */
export type BucketPage = SharedBucketPage<BucketWidth>

/** '2025-08-01T00:00:00Z' (no milliseconds, as the API writes bucket bounds). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function encodePageToken(startMs: number): string {
  return `page_${Buffer.from(isoSeconds(startMs)).toString('base64')}`
}

function decodePageToken(token: string, first: number, end: number, widthMs: number): number {
  const match = /^page_([A-Za-z0-9+/]+={0,2})$/.exec(token)
  const text = match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64').toString('utf8')
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(ms) || ms < first || ms >= end || (ms - first) % widthMs !== 0) {
    throw invalid('page: invalid page token; pass the next_page value of the previous response')
  }
  return ms
}

/**
 * Validates starting_at / ending_at / limit / page and returns this page's buckets.
 * `ending_at` defaults to the end of the bucket holding `nowMs`; buckets whose start is before
 * `ending_at` are returned.
 */
export function planBucketPage(query: Query, width: BucketWidth, nowMs: number): BucketPage {
  const { ms: widthMs, defaultLimit, maxLimit } = BUCKET_WIDTHS[width]
  const startingAt = requiredInstant(query, 'starting_at')
  const rawEnd = one(query, 'ending_at')
  const endingAt =
    rawEnd === undefined
      ? Math.floor(nowMs / widthMs) * widthMs + widthMs
      : requiredInstant(query, 'ending_at')
  const limit = parseLimit(one(query, 'limit'), defaultLimit, maxLimit)
  // Without ending_at, a window that starts after now is simply empty, not an error.
  if (rawEnd === undefined && endingAt <= startingAt) return { width, starts: [], nextPage: null }
  if (endingAt <= startingAt) throw invalid('ending_at must be after starting_at')
  const first = Math.floor(startingAt / widthMs) * widthMs
  const token = one(query, 'page')
  const from = token === undefined ? first : decodePageToken(token, first, endingAt, widthMs)
  const { starts, next } = bucketStarts(from, endingAt, widthMs, limit)
  return { width, starts, nextPage: next === undefined ? null : encodePageToken(next) }
}
