// The Hono app: request log → auth → faults → routes, with OpenAI's error envelope for every
// refusal. Auth runs before faults, so a scripted fault is only consumed by a request that would
// otherwise have succeeded; a project key (`sk-proj-…`) is recognised and refused with 403,
// because project keys cannot read organization usage.

import { Hono, type MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { FaultEngine } from '../shared/faults.js'
import {
  compactQueryValues,
  recordRequests,
  type RequestLogEntry as SharedLogEntry,
} from '../shared/request-log.js'
import type { OpenaiData } from './data.js'
import {
  INVALID_KEY,
  MISSING_KEY,
  OpenaiApiError,
  PROJECT_KEY_FORBIDDEN,
  faultBody,
  openaiErrorBody,
} from './errors.js'
import { injectOpenaiFaults, type FaultSpec } from './faults.js'
import { registerAdminRoutes } from './routes-admin.js'
import { registerReportRoutes } from './routes-reports.js'

/** A key sent once is a string, a repeated one (`group_by`) an array: the integration tests
 *  read single values as strings, so this log keeps the compact form, losing nothing. */
export type RequestLogEntry = SharedLogEntry<Record<string, string | string[]>>

export interface AppDeps {
  data: OpenaiData
  apiKey: string
  now: () => Date
  faults: FaultEngine<FaultSpec>
  requests: RequestLogEntry[]
}

export function createOpenaiApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.use('*', recordRequests(deps.requests, { now: deps.now, readQuery: compactQueryValues }))
  app.use('*', authenticate(deps.apiKey))
  app.use('*', injectOpenaiFaults(deps.faults))
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

function authenticate(apiKey: string): MiddlewareHandler {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (token === undefined) return c.json(MISSING_KEY, 401)
    if (token === apiKey) return next()
    if (token.startsWith('sk-proj-')) return c.json(PROJECT_KEY_FORBIDDEN, 403)
    return c.json(INVALID_KEY, 401)
  }
}
