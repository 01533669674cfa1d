// Filtered usage events: the only per-request, per-model dollars. Each UTC day is one read
// (newest first, page numbers), checked for consistency before anything is yielded: if the
// reported total grows while we page, new events have shifted later pages and a boundary event
// would be read twice, so the day is read again. A shrinking total is accepted — the rolling
// retention drops the OLDEST events, which sit at the end of a newest-first list and move no
// page already read. Occurrence ranks are computed over the whole day (event-keys.ts).

import { daysIn, type Day, type DayRange } from '../../core/days.js'
import { PipelineError } from '../../core/errors.js'
import { paginatePageNumber, type Page } from '../../http/paginate.js'
import { windowOrThrow } from '../pages.js'
import type { ExtractContext, RawPage, Resource } from '../source.js'
import { CURSOR_PATHS, epochRange } from './client.js'
import { occurrencesOf } from './event-keys.js'
import { normalizeEventsPage, type EventsPageBody } from './normalize-events.js'

export interface UsageEventsOptions {
  lookbackDays: number
  /** Events per page (API default 10; larger pages spend fewer of the 20 requests a minute). */
  pageSize: number
}

interface EventsBody {
  totalUsageEventsCount?: number
  pagination?: { numPages?: number }
  usageEvents?: unknown[]
}

/** Reads of one day before giving up (the next run retries the day). */
const MAX_READS = 3

export function usageEventsResource(o: UsageEventsOptions): Resource<EventsPageBody> {
  return {
    name: 'usage_events',
    tables: [
      {
        name: 'cursor_usage_events',
        primaryKey: ['usage_date', 'user_email', 'event_ms', 'occurrence'],
        writeDisposition: 'merge',
      },
    ],
    // A chunk (one load) is a week; requests are one day each (see the header).
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 7 },
    extract: (ctx, window) => eventPages(ctx, windowOrThrow(window, 'usage_events'), o.pageSize),
    normalize: (page) => normalizeEventsPage(page),
  }
}

async function* eventPages(
  ctx: ExtractContext,
  window: DayRange,
  pageSize: number,
): AsyncIterable<RawPage<EventsPageBody>> {
  let n = 0
  for (const day of daysIn(window)) {
    const { pages, extraRetries } = await readDay(ctx, day, pageSize)
    const occurrences = occurrencesOf(pages.flatMap((p) => p.body.usageEvents ?? []))
    let offset = 0
    for (const [i, p] of pages.entries()) {
      const count = p.body.usageEvents?.length ?? 0
      const body = { response: p.body, occurrences: occurrences.slice(offset, offset + count) }
      offset += count
      const retries = p.retries + (i === 0 ? extraRetries : 0)
      yield { page: ++n, window: { from: day, to: day }, retries, body }
    }
  }
}

async function readDay(ctx: ExtractContext, day: Day, pageSize: number) {
  let extraRetries = 0
  for (let read = 1; read <= MAX_READS; read++) {
    const pages = await readDayOnce(ctx, day, pageSize)
    if (isConsistent(pages)) return { pages, extraRetries }
    extraRetries += pages.reduce((sum, p) => sum + p.retries, 0)
    ctx.logger.warn('cursor.events_reread', { day, read, reason: 'the event list changed' })
  }
  throw new PipelineError(
    'SOURCE_PAYLOAD',
    `cursor usage_events: the event list of ${day} kept changing while it was paged (${MAX_READS} reads); the next run reads the day again`,
    { retryable: true, context: { vendor: 'cursor', resource: 'usage_events', day } },
  )
}

/** Every page of one day, stopping early when the total grows (the read is then redone). */
async function readDayOnce(ctx: ExtractContext, day: Day, pageSize: number) {
  const path = CURSOR_PATHS.events
  const req = {
    method: 'POST' as const,
    path,
    endpoint: path,
    body: epochRange({ from: day, to: day }),
  }
  const pages: Page<EventsBody>[] = []
  const options = {
    pageParam: 'page',
    sizeParam: 'pageSize',
    pageSize,
    inBody: true,
    totalPages: (b: EventsBody) => b.pagination?.numPages,
    itemCount: (b: EventsBody) => b.usageEvents?.length ?? 0,
  }
  for await (const p of paginatePageNumber<EventsBody>(
    ctx.http,
    { ...req, signal: ctx.signal },
    options,
  )) {
    pages.push(p)
    if (totalOf(p) > totalOf(pages[0]!)) break
  }
  return pages
}

const totalOf = (p: Page<EventsBody>) => p.body.totalUsageEventsCount ?? 0

/** No growth while paging, and every event the last page counted was received, none extra. */
export function isConsistent(pages: readonly Page<EventsBody>[]): boolean {
  if (pages.length === 0) return true
  const first = totalOf(pages[0]!)
  const received = pages.reduce((sum, p) => sum + (p.body.usageEvents?.length ?? 0), 0)
  const grew = pages.some((p) => totalOf(p) > first)
  return !grew && received >= totalOf(pages.at(-1)!) && received <= first
}
