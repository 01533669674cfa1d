// Extract helpers the vendors share: a day window a day-incremental resource cannot run without,
// a resource that is one request (an organization, a member list), and the report endpoints that
// page with `has_more` + `next_page` sent back as `page` (Anthropic's cost and usage reports,
// OpenAI's costs and usage), each page tagged with its window so normalize can name the day.

import type { DayRange } from '../core/days.js'
import { paginateNextPage } from '../http/paginate.js'
import type { HttpRequest } from '../http/types.js'
import type { ExtractContext, RawPage } from './source.js'

/** The window the pipeline passes to day-incremental resources; its absence is a wiring bug. */
export function windowOrThrow(window: DayRange | undefined, resource: string): DayRange {
  if (!window) throw new Error(`${resource} needs a day window`)
  return window
}

/** A resource that is one GET: one page, with the retries it took. */
export async function* singlePage(ctx: ExtractContext, req: HttpRequest): AsyncIterable<RawPage> {
  const res = await ctx.http.request({ ...req, signal: ctx.signal })
  yield { page: 1, retries: res.attempts - 1, body: res.body }
}

interface NextPageBody {
  has_more?: boolean
  next_page?: string | null
}

const NEXT_PAGE = {
  tokenParam: 'page',
  hasMore: (b: NextPageBody) => b.has_more === true,
  nextToken: (b: NextPageBody) => b.next_page ?? undefined,
}

/** Every page of one window, to the end (has_more without a next_page is an error). */
export async function* nextPagePages(
  ctx: ExtractContext,
  req: HttpRequest,
  window: DayRange,
): AsyncIterable<RawPage> {
  const first = { ...req, signal: ctx.signal }
  for await (const p of paginateNextPage<NextPageBody>(ctx.http, first, NEXT_PAGE)) {
    yield { page: p.page, window, retries: p.retries, body: p.body }
  }
}
