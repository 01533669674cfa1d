// Seat endpoints: the paged seat list (GitHub paging: `page` from 1, `per_page` default 50,
// silently capped at 100, a `Link` header with first/prev/next/last, omitted on a single page),
// the org's seat breakdown, and one member's seat.

import { Hono, type Context } from 'hono'
import { githubError, notFound, validationFailed } from './errors.js'
import type { GithubData } from './data.js'
import { billingSummary, seatHoldersAt, seatJson } from './seats.js'

export interface SeatRouteDeps {
  data: GithubData
  nowMs: () => number
}

const DEFAULT_PER_PAGE = 50
const MAX_PER_PAGE = 100

export function seatRoutes(deps: SeatRouteDeps): Hono {
  const app = new Hono()
  const isOrg = (c: Context) => c.req.param('org')?.toLowerCase() === deps.data.org.login
  app.get('/orgs/:org/copilot/billing/seats', (c) => (isOrg(c) ? listSeats(deps, c) : notFound()))
  app.get('/orgs/:org/copilot/billing', (c) =>
    isOrg(c) ? c.json(billingSummary(deps.data, deps.nowMs())) : notFound(),
  )
  app.get('/orgs/:org/members/:username/copilot', (c) => {
    if (!isOrg(c)) return notFound()
    const nowMs = deps.nowMs()
    const login = c.req.param('username').toLowerCase()
    const holder = seatHoldersAt(deps.data.org, nowMs).find((h) => h.login === login)
    if (!holder) return githubError(422, 'User does not have a Copilot seat in this organization.')
    return c.json(seatJson(deps.data, holder, nowMs))
  })
  return app
}

function positiveInt(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined
}

function listSeats(deps: SeatRouteDeps, c: Context): Response {
  const page = positiveInt(c.req.query('page'), 1)
  const requested = positiveInt(c.req.query('per_page'), DEFAULT_PER_PAGE)
  if (page === undefined) return validationFailed('"page" must be a positive integer.')
  if (requested === undefined) return validationFailed('"per_page" must be a positive integer.')
  const perPage = Math.min(requested, MAX_PER_PAGE)
  const nowMs = deps.nowMs()
  const holders = seatHoldersAt(deps.data.org, nowMs)
  const lastPage = Math.max(1, Math.ceil(holders.length / perPage))
  const seats = holders
    .slice((page - 1) * perPage, page * perPage)
    .map((h) => seatJson(deps.data, h, nowMs))
  const link = linkHeader(c.req.url, page, perPage, lastPage)
  if (link) c.header('link', link)
  return c.json({ total_seats: holders.length, seats })
}

/** RFC 8288 links as GitHub writes them: `<url>; rel="next", <url>; rel="last"`. */
export function linkHeader(
  requestUrl: string,
  page: number,
  perPage: number,
  lastPage: number,
): string | undefined {
  if (lastPage <= 1) return undefined
  const at = (p: number) => {
    const url = new URL(requestUrl)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(p))
    return `<${url.toString()}>`
  }
  const rels: string[] = []
  if (page > 1) rels.push(`${at(page - 1)}; rel="prev"`)
  if (page < lastPage) rels.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`)
  if (page > 1) rels.push(`${at(1)}; rel="first"`)
  return rels.join(', ')
}
