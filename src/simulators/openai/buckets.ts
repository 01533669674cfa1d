// Time buckets and the opaque page cursor of the usage and costs endpoints. Times are Unix
// SECONDS; buckets are aligned to the width (UTC midnight for 1d), the first one holds
// `start_time` and the last one holds `end_time - 1`. `end_time` defaults to now and may not be in
// the future (a real client got errors for that). A cursor encodes the next bucket start and a
// hash of the query, so a cursor replayed with other parameters is refused, not misread.

import { bucketStarts, type BucketPage as SharedBucketPage } from '../shared/buckets.js'
import { hashSeed } from '../shared/random.js'
import { invalidRequest } from './errors.js'
import { queryEnum, queryIntInRange, queryOptionalInt } from './params.js'

export type BucketWidth = '1m' | '1h' | '1d'

export const WIDTH_SECONDS: Readonly<Record<BucketWidth, number>> = {
  '1m': 60,
  '1h': 3600,
  '1d': 86_400,
}

export interface PageLimits {
  default: number
  max: number
}

export const USAGE_LIMITS: Readonly<Record<BucketWidth, PageLimits>> = {
  '1d': { default: 7, max: 31 },
  '1h': { default: 24, max: 168 },
  '1m': { default: 60, max: 1440 },
}

/** Costs only bucket by day, with a much larger page. */
export const COSTS_LIMITS: Readonly<Partial<Record<BucketWidth, PageLimits>>> = {
  '1d': { default: 7, max: 180 },
}

/** Bucket starts in Unix seconds. */
export type BucketPage = SharedBucketPage<BucketWidth>

const CURSOR_MAGIC = hashSeed('openai-simulator-cursor')

export function readBucketPage(
  params: URLSearchParams,
  nowSec: number,
  limits: Readonly<Partial<Record<BucketWidth, PageLimits>>>,
  fingerprint: string,
): BucketPage {
  const width = queryEnum(params, 'bucket_width', Object.keys(limits) as BucketWidth[], '1d')
  const range = limits[width] ?? { default: 7, max: 7 }
  const seconds = WIDTH_SECONDS[width]
  const { start, end } = readWindow(params, nowSec)
  const limit = queryIntInRange(params, 'limit', { min: 1, ...range })
  const first = Math.floor(start / seconds) * seconds
  const cursor = params.get('page')
  const from = cursor === null ? first : decodeCursor(cursor, fingerprint, first, end, seconds)
  const { starts, next } = bucketStarts(from, end, seconds, limit)
  return { width, starts, nextPage: next === undefined ? null : encodeCursor(next, fingerprint) }
}

function readWindow(params: URLSearchParams, nowSec: number): { start: number; end: number } {
  const start = queryOptionalInt(params, 'start_time')
  if (start === undefined)
    throw invalidRequest("Missing required parameter: 'start_time'.", 'start_time')
  if (start < 0)
    throw invalidRequest(
      "Invalid value for 'start_time': must be a Unix time in seconds.",
      'start_time',
    )
  const end = queryOptionalInt(params, 'end_time') ?? nowSec
  if (end > nowSec)
    throw invalidRequest("Invalid value for 'end_time': must not be in the future.", 'end_time')
  if (end <= start)
    throw invalidRequest("Invalid value for 'end_time': must be after 'start_time'.", 'end_time')
  return { start, end }
}

/** Everything that shapes the result except the paging parameters themselves. */
export function queryFingerprint(path: string, params: URLSearchParams): string {
  const kept = [...params.entries()]
    .filter(([k]) => k !== 'page' && k !== 'limit')
    .map(([k, v]) => `${k}=${v}`)
  return `${path}?${kept.sort().join('&')}`
}

function encodeCursor(nextStart: number, fingerprint: string): string {
  const bytes = Buffer.alloc(16)
  bytes.writeUInt32BE(CURSOR_MAGIC, 0)
  bytes.writeBigUInt64BE(BigInt(nextStart), 4)
  bytes.writeUInt32BE(hashSeed(fingerprint), 12)
  return bytes.toString('base64')
}

function decodeCursor(
  cursor: string,
  fingerprint: string,
  first: number,
  end: number,
  seconds: number,
): number {
  const bytes = Buffer.from(cursor, 'base64')
  const isOurs =
    bytes.length === 16 &&
    bytes.readUInt32BE(0) === CURSOR_MAGIC &&
    bytes.readUInt32BE(12) === hashSeed(fingerprint)
  const start = isOurs ? Number(bytes.readBigUInt64BE(4)) : NaN
  if (!isOurs || start < first || start >= end || (start - first) % seconds !== 0) {
    throw invalidRequest(
      "Invalid value for 'page': the cursor does not belong to this query.",
      'page',
    )
  }
  return start
}
