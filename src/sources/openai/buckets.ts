// The shared plumbing of the bucketed report endpoints (costs and every usage endpoint): a day
// window as Unix seconds `[from 00:00Z, to+1 00:00Z)` with `end_time` clamped to now (OpenAI
// rejects a future end_time), daily buckets read with has_more/next_page to the end, and the
// bucket → UTC day check that refuses anything but a midnight bucket inside the window.

import { addDays, dayOfEpochMs, startOfDayMs, type Day, type DayRange } from '../../core/days.js'
import type { QueryValue } from '../../http/types.js'
import { nextPagePages } from '../pages.js'
import { payloadError, type ParseWhere } from '../parse.js'
import type { ExtractContext, RawPage } from '../source.js'

/** start_time/end_time of a window, or undefined when clamping to now leaves nothing to read. */
export function windowSeconds(window: DayRange, now: Date) {
  const start = startOfDayMs(window.from) / 1000
  const end = Math.min(startOfDayMs(addDays(window.to, 1)) / 1000, Math.floor(now.getTime() / 1000))
  return end > start ? { start_time: start, end_time: end } : undefined
}

export interface BucketRequest {
  path: string
  /** Parameters beyond the time window (group_by, limit, filters). */
  query: Record<string, QueryValue>
}

/** Every page of one window, each tagged with the window for normalize's error messages. */
export async function* bucketPages(
  ctx: ExtractContext,
  req: BucketRequest,
  window: DayRange,
): AsyncIterable<RawPage> {
  const times = windowSeconds(window, ctx.clock.now())
  if (!times) return
  const query = { ...times, bucket_width: '1d', ...req.query }
  yield* nextPagePages(ctx, { path: req.path, query, endpoint: req.path }, window)
}

/** The UTC day of a daily bucket; a bucket that is not a whole UTC day in the window is an error. */
export function bucketDayOrThrow(
  bucket: { start_time: number; end_time: number },
  where: ParseWhere,
  window: DayRange | undefined,
): Day {
  const day = dayOfEpochMs(bucket.start_time * 1000)
  const isMidnight = bucket.start_time % 86_400 === 0
  // A partial last bucket (end_time clamped to now) may end early; it never spans two days.
  const length = bucket.end_time - bucket.start_time
  const isDaily = length > 0 && length <= 86_400
  if (!isMidnight || !isDaily) {
    throw payloadError(`openai ${where.resource}: bucket is not one UTC day`, where, window, {
      day,
      field: 'start_time',
    })
  }
  if (window && (day < window.from || day > window.to)) {
    throw payloadError(
      `openai ${where.resource}: bucket ${day} is outside the requested window`,
      where,
      window,
      { field: 'start_time' },
    )
  }
  return day
}

/** Unix seconds → ISO timestamp cell (null stays null). */
export function isoOfSeconds(seconds: number | null | undefined): string | null {
  return seconds == null ? null : new Date(seconds * 1000).toISOString()
}
