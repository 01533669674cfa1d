// Fault injection. Scripted faults (`failNext`, `truncateNext`) hit the next matching requests,
// download links included; background rates (seeded, so a run is reproducible) hit only API
// routes, never blob downloads. A 403/429 is shaped as GitHub's secondary limit (retry-after)
// unless `primary: true`, which mimics an exhausted hourly budget (x-ratelimit-remaining: 0).

import type { Context, MiddlewareHandler } from 'hono'
import { createRandom, hashSeed } from '../shared/random.js'
import { DOCS } from './catalog.js'
import { STORAGE_PREFIX } from './links.js'

export interface FailOptions {
  status: number
  retryAfterSeconds?: number
  /** Response body: an object is sent as JSON, a string as is. Defaults to GitHub's message. */
  body?: unknown
  /** Only requests whose path contains this string. */
  path?: string
  /** Shape a 403/429 as the primary (hourly) limit instead of a secondary limit. */
  primary?: boolean
}

export interface GithubFaults {
  /** The next `count` matching requests get this response instead of the real one. */
  failNext(count: number, options: FailOptions): void
  /** The next `count` matching requests get status 200 and the first half of the real body. */
  truncateNext(count: number, options?: { path?: string }): void
  clear(): void
}

export interface FaultRates {
  rate429?: number
  rate5xx?: number
}

type Scripted = { remaining: number; path?: string } & (
  { kind: 'fail'; options: FailOptions } | { kind: 'truncate' }
)

export const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

export function createFaults(seed: number, rates: FaultRates, nowMs: () => number) {
  const queue: Scripted[] = []
  const rng = createRandom(hashSeed(`${seed}:github-faults`))
  const take = (path: string): Scripted | undefined => {
    const entry = queue.find((s) => s.path === undefined || path.includes(s.path))
    if (entry && --entry.remaining <= 0) queue.splice(queue.indexOf(entry), 1)
    return entry
  }
  const api: GithubFaults = {
    failNext: (count, options) =>
      void queue.push({ kind: 'fail', remaining: count, path: options.path, options }),
    truncateNext: (count, options = {}) =>
      void queue.push({ kind: 'truncate', remaining: count, path: options.path }),
    clear: () => void queue.splice(0),
  }
  const middleware: MiddlewareHandler = async (c, next) => {
    const scripted = take(c.req.path)
    if (scripted?.kind === 'fail') return failResponse(c, scripted.options, nowMs())
    if (!scripted && !c.req.path.startsWith(STORAGE_PREFIX)) {
      if (rates.rate429 && rng.chance(rates.rate429))
        return failResponse(c, { status: 429, retryAfterSeconds: 1 }, nowMs())
      if (rates.rate5xx && rng.chance(rates.rate5xx))
        return failResponse(c, { status: 502 }, nowMs())
    }
    await next()
    if (scripted?.kind !== 'truncate') return
    const cut = await truncated(c.res)
    // Hono's res setter copies the old headers over the new response; drop the old one first
    // so a stale content-length cannot survive.
    c.res = undefined
    c.res = cut
  }
  return { api, middleware }
}

function failResponse(c: Context, o: FailOptions, nowMs: number): Response {
  const headers: Record<string, string> = {}
  if (o.retryAfterSeconds !== undefined) headers['retry-after'] = String(o.retryAfterSeconds)
  if (o.primary) {
    headers['x-ratelimit-limit'] = '5000'
    headers['x-ratelimit-remaining'] = '0'
    headers['x-ratelimit-used'] = '5000'
    headers['x-ratelimit-reset'] = String(Math.floor(nowMs / 1000) + (o.retryAfterSeconds ?? 60))
    headers['x-ratelimit-resource'] = 'core'
  }
  const body = o.body ?? {
    message: defaultMessage(o),
    documentation_url: `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const type =
    typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'
  return new Response(text, { status: o.status, headers: { ...headers, 'content-type': type } })
}

function defaultMessage(o: FailOptions): string {
  if (o.primary) return 'API rate limit exceeded for user ID 1. (simulated)'
  if (o.status === 429 || o.status === 403) return SECONDARY_MESSAGE
  if (o.status >= 500) return o.status === 503 ? 'Service Unavailable' : 'Server Error'
  return 'Simulated failure'
}

async function truncated(res: Response): Promise<Response> {
  const text = await res.text()
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers })
}
