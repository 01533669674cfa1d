// The Hono app: request log → auth → faults → routes, with OpenAI's error envelope for every
// refusal. Auth runs before faults, so a scripted fault is only consumed by a request that would
// otherwise have succeeded; a project key (`sk-proj-…`) is recognised and refused with 403,
// because project keys cannot read organization usage.

import { Hono, type MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { OpenaiData } from './data.js'
import {
  INVALID_KEY,
  MISSING_KEY,
  OpenaiApiError,
  PROJECT_KEY_FORBIDDEN,
  faultBody,
  openaiErrorBody,
} from './errors.js'
import type { FaultInjector } from './faults.js'
import { registerAdminRoutes } from './routes-admin.js'
import { registerReportRoutes } from './routes-reports.js'

export interface RequestLogEntry {
  method: string
  path: string
  /** Repeated parameters become arrays. */
  query: Record<string, string | string[]>
  status: number
  /** The simulator clock's ISO time of the request. */
  at: string
}

export interface AppDeps {
  data: OpenaiData
  apiKey: string
  now: () => Date
  faults: FaultInjector
  requests: RequestLogEntry[]
}

export function createOpenaiApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.use('*', logRequests(deps))
  app.use('*', authenticate(deps.apiKey))
  app.use('*', injectFaults(deps.faults))
  registerReportRoutes(app, deps)
  registerAdminRoutes(app, deps)
  app.notFound((c) =>
    c.json(
      openaiErrorBody(`Invalid URL (${c.req.method} ${c.req.path})`, 'invalid_request_error'),
      404,
    ),
  )
  app.onError((error, c) => {
    if (error instanceof OpenaiApiError)
      return c.json(error.body, error.status as ContentfulStatusCode)
    return c.json(faultBody(500), 500)
  })
  return app
}

function logRequests(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const at = deps.now().toISOString()
    await next()
    const query = Object.fromEntries(
      Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? '') : v]),
    )
    deps.requests.push({ method: c.req.method, path: c.req.path, query, status: c.res.status, at })
  }
}

function authenticate(apiKey: string): MiddlewareHandler {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (token === undefined) return c.json(MISSING_KEY, 401)
    if (token === apiKey) return next()
    if (token.startsWith('sk-proj-')) return c.json(PROJECT_KEY_FORBIDDEN, 403)
    return c.json(INVALID_KEY, 401)
  }
}

function injectFaults(faults: FaultInjector): MiddlewareHandler {
  return async (c, next) => {
    const decision = faults.decide(c.req.path)
    if (decision?.kind === 'fail') {
      return c.json(decision.body, decision.status as ContentfulStatusCode, decision.headers)
    }
    await next()
    if (decision?.kind === 'truncate') {
      const text = await c.res.text()
      c.res = new Response(text.slice(0, Math.floor(text.length / 2)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    }
  }
}
