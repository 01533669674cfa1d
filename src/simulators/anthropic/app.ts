// The Hono app of the Anthropic Admin API simulator. Order of checks per request: request log
// and request id (outermost, so faults and auth failures are logged too), then faults (a
// gateway-level failure happens before auth), then auth and anthropic-version, then the route.

import { randomBytes } from 'node:crypto'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { recordRequests, type RequestLogEntry } from '../shared/request-log.js'
import type { FaultEngine } from '../shared/faults.js'
import { injectFaults } from '../shared/inject-faults.js'
import type { FailSpec } from './faults.js'
import { AnthropicApiError, type ErrorType } from './params.js'
import { registerAdmin } from './route-admin.js'
import { registerClaudeCode } from './route-claude-code.js'
import { registerCostReport } from './route-cost.js'
import type { RouteDeps } from './route-deps.js'
import { registerUsageReport } from './route-usage.js'

/** Every value of a repeated key is kept (`group_by[]`). */
export type { RequestLogEntry } from '../shared/request-log.js'

export interface AppDeps extends RouteDeps {
  apiKey: string
  faults: FaultEngine<FailSpec>
  requests: RequestLogEntry[]
}

const API_VERSION = '2023-06-01'
const requestIds = new WeakMap<Request, string>()

const STATUS_TYPES: Record<number, ErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  504: 'timeout_error',
  529: 'overloaded_error',
}

const FAULT_MESSAGES: Partial<Record<ErrorType, string>> = {
  rate_limit_error:
    'Number of request tokens has exceeded your rate limit. Please try again later.',
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
}

export function createAnthropicApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.use('*', recordRequests(deps.requests, { now: deps.now }))
  app.use('*', assignRequestId)
  app.use(
    '*',
    injectFaults(deps.faults, {
      fail: (c, spec) => faultResponse(requestIds.get(c.req.raw) ?? '', spec),
      truncate: 'ok-only',
    }),
  )
  app.use('*', async (c, next) => {
    checkAuth((name) => c.req.header(name), deps.apiKey)
    await next()
  })
  registerCostReport(app, deps)
  registerUsageReport(app, deps)
  registerClaudeCode(app, deps)
  registerAdmin(app, deps)
  app.notFound((c) => errorResponse(c, new AnthropicApiError(404, 'not_found_error', 'Not found')))
  app.onError((err, c) =>
    errorResponse(
      c,
      err instanceof AnthropicApiError
        ? err
        : new AnthropicApiError(500, 'api_error', 'Internal server error'),
    ),
  )
  return app
}

/** Every response, errors included, carries the `request-id` its error body repeats. */
const assignRequestId: MiddlewareHandler = async (c, next) => {
  const id = `req_011C${randomBytes(15).toString('base64url')}`
  requestIds.set(c.req.raw, id)
  await next()
  c.res.headers.set('request-id', id)
}

function checkAuth(header: (name: string) => string | undefined, apiKey: string): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1]
  const key = header('x-api-key') ?? bearer
  if (key === undefined)
    throw new AnthropicApiError(401, 'authentication_error', 'x-api-key header is required')
  if (key !== apiKey) throw new AnthropicApiError(401, 'authentication_error', 'invalid x-api-key')
  const version = header('anthropic-version')
  if (version === undefined)
    throw new AnthropicApiError(
      400,
      'invalid_request_error',
      'anthropic-version: header is required',
    )
  if (version !== API_VERSION) {
    throw new AnthropicApiError(
      400,
      'invalid_request_error',
      `anthropic-version: "${version}" is not a valid version`,
    )
  }
}

export function errorBody(type: ErrorType, message: string, requestId: string) {
  return { type: 'error', error: { type, message }, request_id: requestId }
}

function errorResponse(c: Context, err: AnthropicApiError): Response {
  return c.json(
    errorBody(err.type, err.message, requestIds.get(c.req.raw) ?? ''),
    err.status as 400,
  )
}

function faultResponse(requestId: string, fault: FailSpec): Response {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (fault.retryAfterSeconds !== undefined)
    headers.set('retry-after', String(fault.retryAfterSeconds))
  if (typeof fault.body === 'string')
    return new Response(fault.body, { status: fault.status, headers })
  const type =
    STATUS_TYPES[fault.status] ?? (fault.status >= 500 ? 'api_error' : 'invalid_request_error')
  const body = fault.body ?? errorBody(type, FAULT_MESSAGES[type] ?? type, requestId)
  return new Response(JSON.stringify(body), { status: fault.status, headers })
}
