// The Hono app: request log → auth (HTTP Basic, key as user name, empty password) → enterprise
// check → faults → per-endpoint rate limit → route. Auth runs before the limiter because Cursor
// limits per team and an unauthenticated caller has no team. Every error body is Cursor's
// documented `{ error, message }`.

import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { FaultEngine } from '../shared/faults.js'
import { recordRequests, type RequestLogEntry } from '../shared/request-log.js'
import type { CursorData } from './data.js'
import { cursorError } from './errors.js'
import { injectCursorFaults, type FaultSpec } from './faults.js'
import { BadRequest } from './params.js'
import type { RateLimiter } from './rate-limit.js'
import {
  dailyUsageData,
  filteredUsageEvents,
  listMembers,
  teamSpend,
  type RouteContext,
} from './routes.js'

/** Every query value and the parsed JSON body of each POST (Cursor's filters live there). */
export type { RequestLogEntry } from '../shared/request-log.js'

export interface CursorAppDeps {
  data: CursorData
  apiKey: string
  now: () => Date
  faults: FaultEngine<FaultSpec>
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
  app.use('*', recordRequests(deps.requests, { now: deps.now }))
  app.use('*', authenticate(deps))
  app.use('*', injectCursorFaults(deps.faults))
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
