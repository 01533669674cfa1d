// The shared pagination strategies. Each reads to the very end and refuses to stop early: a
// missing or repeated cursor, or more than `maxPages` pages, is an error, never a quiet stop —
// the first system lost most of its data by stopping after page 1 without noticing.

import { PipelineError } from '../core/errors.js'
import { parseNextLink } from './link.js'
import type { HttpClient, HttpRequest, HttpResponse } from './types.js'
import { pathOf } from './url.js'

/** One page as read: 1-based number, parsed body and the retries the client spent on it. */
export interface Page<T> {
  page: number
  body: T
  retries: number
}

export const DEFAULT_MAX_PAGES = 10_000

interface SafetyOptions {
  /** Error (not stop) past this many pages (default 10 000). */
  maxPages?: number
}

export interface NextPageOptions<T> extends SafetyOptions {
  /** Query parameter that carries the token back (default 'page'). */
  tokenParam?: string
  hasMore: (body: T) => boolean
  nextToken: (body: T) => string | null | undefined
}

export interface IdCursorOptions<T> extends SafetyOptions {
  afterParam: string
  lastId: (body: T) => string | null | undefined
  hasMore: (body: T) => boolean
}

export interface PageNumberOptions<T> extends SafetyOptions {
  pageParam: string
  sizeParam: string
  pageSize: number
  /** Send page and size in the JSON body (Cursor POSTs) instead of the query. */
  inBody: boolean
  /** Pages in total, when the API says; else a short page ends the list. */
  totalPages?: (body: T) => number | undefined
  itemCount: (body: T) => number
}

/** What a strategy does between pages: the next request, or undefined at the end. */
type NextRequest<T> = (res: HttpResponse<T>, page: number) => HttpRequest | undefined

/**
 * `has_more` + `next_page` sent back as `page` (Anthropic and OpenAI usage/cost reports).
 * @example
 * for await (const p of paginateNextPage<CostPage>(http, { path: '/v1/organizations/cost_report', query }, {
 *   hasMore: (b) => b.has_more, nextToken: (b) => b.next_page,
 * })) yield { ...p, window }
 */
export function paginateNextPage<T>(
  client: HttpClient,
  req: HttpRequest,
  options: NextPageOptions<T>,
) {
  const param = options.tokenParam ?? 'page'
  const next = tokenFollower(req, param, options.hasMore, options.nextToken, 'next page token')
  return walk(client, req, next, options.maxPages)
}

/**
 * Id cursors: pass the last item's id back (Anthropic `after_id` ← `last_id`, OpenAI `after`).
 * @example
 * paginateIdCursor<UserList>(http, { path: '/v1/organizations/users', query: { limit: 100 } }, {
 *   afterParam: 'after_id', lastId: (b) => b.last_id, hasMore: (b) => b.has_more,
 * })
 */
export function paginateIdCursor<T>(
  client: HttpClient,
  req: HttpRequest,
  options: IdCursorOptions<T>,
) {
  const next = tokenFollower(req, options.afterParam, options.hasMore, options.lastId, 'last id')
  return walk(client, req, next, options.maxPages)
}

/**
 * Page numbers from 1, in the query or the JSON body; ends at `totalPages`, or at the first
 * page shorter than `pageSize` when the API does not say how many pages there are.
 * @example
 * paginatePageNumber<SpendPage>(http, { method: 'POST', path: '/teams/spend', body: {} }, {
 *   pageParam: 'page', sizeParam: 'pageSize', pageSize: 100, inBody: true,
 *   totalPages: (b) => b.totalPages, itemCount: (b) => b.teamMemberSpend.length,
 * })
 */
export function paginatePageNumber<T>(
  client: HttpClient,
  req: HttpRequest,
  options: PageNumberOptions<T>,
) {
  const { pageParam, sizeParam, pageSize, inBody } = options
  const withPage = (page: number): HttpRequest => {
    const fields = { [pageParam]: page, [sizeParam]: pageSize }
    if (inBody) return { ...req, body: { ...(req.body as object | undefined), ...fields } }
    return { ...req, query: { ...req.query, ...fields } }
  }
  const next: NextRequest<T> = ({ body }, page) => {
    const total = options.totalPages?.(body)
    const isLast = total === undefined ? options.itemCount(body) < pageSize : page >= total
    return isLast ? undefined : withPage(page + 1)
  }
  return walk(client, withPage(1), next, options.maxPages)
}

/**
 * GitHub paging: follow `Link: <url>; rel="next"` until there is none. The absolute next URL
 * keeps auth only because it is on the base URL's origin (see createHttpClient).
 * @example
 * paginateLinkHeader<SeatsPage>(http, { path: `/orgs/${org}/copilot/billing/seats`, query: { per_page: 100 } })
 */
export function paginateLinkHeader<T>(
  client: HttpClient,
  req: HttpRequest,
  options: SafetyOptions = {},
) {
  const endpoint = req.endpoint ?? pathOf(req.path)
  const seen = new Set<string>()
  const next: NextRequest<T> = ({ headers }, page) => {
    const url = parseNextLink(headers.get('link'))
    if (url === undefined) return undefined
    if (seen.has(url))
      throw paginationError(req, page, `the Link header repeats a next URL (the API would loop)`)
    seen.add(url)
    return { ...req, path: url, query: undefined, endpoint }
  }
  return walk(client, req, next, options.maxPages)
}

async function* walk<T>(
  client: HttpClient,
  first: HttpRequest,
  nextOf: NextRequest<T>,
  maxPages = DEFAULT_MAX_PAGES,
): AsyncGenerator<Page<T>, void, undefined> {
  let req: HttpRequest | undefined = first
  for (let page = 1; req !== undefined; page++) {
    if (page > maxPages)
      throw paginationError(
        first,
        page - 1,
        `more than ${maxPages} pages; raise maxPages if expected`,
      )
    const res: HttpResponse<T> = await client.request<T>(req)
    req = nextOf(res, page)
    yield { page, body: res.body, retries: res.attempts - 1 }
  }
}

function tokenFollower<T>(
  req: HttpRequest,
  param: string,
  hasMore: (body: T) => boolean,
  tokenOf: (body: T) => string | null | undefined,
  what: string,
): NextRequest<T> {
  const seen = new Set<string>()
  return ({ body }, page) => {
    if (!hasMore(body)) return undefined
    const token = tokenOf(body)
    if (token == null || token === '')
      throw paginationError(req, page, `has_more is true but there is no ${what}`)
    if (seen.has(token))
      throw paginationError(req, page, `the ${what} repeats an earlier one (the API would loop)`)
    seen.add(token)
    return { ...req, query: { ...req.query, [param]: token } }
  }
}

function paginationError(req: HttpRequest, page: number, problem: string): PipelineError {
  const endpoint = pathOf(req.path)
  const message = `Pagination of ${endpoint} failed after page ${page}: ${problem}; refusing to stop early, later pages would be missing`
  return new PipelineError('SOURCE_PAYLOAD', message, { context: { endpoint, page } })
}
