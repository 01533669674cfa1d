// The Hono app: request log → auth (HTTP Basic, key as user name, empty password) → enterprise
// check → faults → per-endpoint rate limit → route. Auth runs before the limiter because Cursor
// limits per team and an unauthenticated caller has no team. Every error body is Cursor's
// documented `{ error, message }`.

import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { CursorData } from './data.js'
import { cursorError } from './errors.js'
import type { FaultInjector } from './faults.js'
import { BadRequest } from './params.js'
import type { RateLimiter } from './rate-limit.js'
import {
  dailyUsageData,
  filteredUsageEvents,
  listMembers,
  teamSpend,
  type RouteContext,
} from './routes.js'

export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string>
  /** The parsed JSON body of a POST (the raw text if it was not JSON). */
  body?: unknown
  status: number
  /** The simulator's `now()` when the request arrived. */
  at: Date
}

export interface CursorAppDeps {
  data: CursorData
  apiKey: string
  now: () => Date
  faults: FaultInjector
  /** undefined: rate limiting disabled. */
  limiter?: RateLimiter
  enterprise: boolean
  requests: RequestLogEntry[]
}

type Handler = (body: unknown, ctx: RouteContext) => unknown

const POST_ROUTES: Readonly<Record<string, Handler>> = {
  '/teams/daily-usage-data': dailyUsageData,
  '/teams/spend': teamSpend,
  '/teams/filtered-usage-events': filteredUsageEvents,
}

export function createCursorApp(deps: CursorAppDeps): Hono {
  const app = new Hono()
  app.use('*', logRequests(deps))
  app.use('*', authenticate(deps))
  app.use('*', injectFaults(deps))
  app.use('*', limitRate(deps))
  app.get('/teams/members', (c) => c.json(listMembers(routeContext(deps))))
  for (const [path, handler] of Object.entries(POST_ROUTES)) {
    app.post(path, (c) => respond(c, deps, handler))
  }
  app.notFound((c) => c.json(cursorError(404, `Cannot ${c.req.method} ${c.req.path}`), 404))
  app.onError((_error, c) => c.json(cursorError(500), 500))
  return app
}

function routeContext(deps: CursorAppDeps): RouteContext {
  return { data: deps.data, nowMs: deps.now().getTime() }
}

async function respond(c: Context, deps: CursorAppDeps, handler: Handler): Promise<Response> {
  const text = await c.req.text()
  let body: unknown
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text)
  } catch {
    return c.json(cursorError(400, 'Request body must be valid JSON'), 400)
  }
  try {
    return c.json(handler(body, routeContext(deps)) as object, 200)
  } catch (error) {
    if (error instanceof BadRequest) return c.json(cursorError(400, error.message), 400)
    throw error
  }
}

function logRequests(deps: CursorAppDeps): MiddlewareHandler {
  return async (c, next) => {
    const at = deps.now()
    await next()
    const entry: RequestLogEntry = {
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      status: c.res.status,
      at,
    }
    if (c.req.method === 'POST') entry.body = await readLoggedBody(c)
    deps.requests.push(entry)
  }
}

async function readLoggedBody(c: Context): Promise<unknown> {
  const text = await c.req.text()
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return text
  }
}

function authenticate(deps: CursorAppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (!isAuthorized(c.req.header('authorization'), deps.apiKey)) {
      return c.json(cursorError(401), 401)
    }
    if (!deps.enterprise) return c.json(cursorError(403), 403)
    await next()
  }
}

/** Basic auth with the key as user name and an EMPTY password; Bearer is rejected. */
export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/.exec(header ?? '')
  if (!match) return false
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  return decoded === `${apiKey}:`
}

function injectFaults(deps: CursorAppDeps): MiddlewareHandler {
  return async (c, next) => {
    const fault = deps.faults.decide(c.req.path)
    if (!fault) return next()
    if (fault.kind === 'fail') {
      if (fault.retryAfterSeconds !== undefined)
        c.header('Retry-After', String(fault.retryAfterSeconds))
      return c.json(fault.body as object, fault.status as ContentfulStatusCode)
    }
    await next()
    const text = await c.res.text()
    c.res = undefined
    c.res = new Response(text.slice(0, Math.floor(text.length / 2)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }
}

function limitRate(deps: CursorAppDeps): MiddlewareHandler {
  return async (c, next) => {
    const routed =
      c.req.method === 'GET'
        ? c.req.path === '/teams/members'
        : Object.hasOwn(POST_ROUTES, c.req.path)
    const rejection = routed ? deps.limiter?.check(c.req.path) : undefined
    if (!rejection) return next()
    if (rejection.retryAfterSeconds !== undefined)
      c.header('Retry-After', String(rejection.retryAfterSeconds))
    return c.json(rejection.body, 429)
  }
}
