// The Hono app of the Anthropic Admin API simulator. Order of checks per request: request id
// and request log (outermost, so faults and auth failures are logged too), then faults (a
// gateway-level failure happens before auth), then auth and anthropic-version, then the route.

import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { FaultDecision, FaultEngine } from './faults.js'
import { AnthropicApiError, type ErrorType } from './params.js'
import { registerAdmin } from './route-admin.js'
import { registerClaudeCode } from './route-claude-code.js'
import { registerCostReport } from './route-cost.js'
import type { RouteDeps } from './route-deps.js'
import { registerUsageReport } from './route-usage.js'

export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string[]>
  status: number
  /** The simulator's `now()` when the request arrived. */
  at: Date
}

export interface AppDeps extends RouteDeps {
  apiKey: string
  faults: FaultEngine
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
  app.use('*', async (c, next) => {
    const id = `req_011C${randomBytes(15).toString('base64url')}`
    const at = deps.now()
    requestIds.set(c.req.raw, id)
    await next()
    c.res.headers.set('request-id', id)
    deps.requests.push({
      method: c.req.method,
      path: c.req.path,
      query: c.req.queries(),
      status: c.res.status,
      at,
    })
  })
  app.use('*', async (c, next) => {
    const fault = deps.faults.decide(c.req.path)
    if (fault?.kind === 'fail') return faultResponse(requestIds.get(c.req.raw) ?? '', fault)
    checkAuth((name) => c.req.header(name), deps.apiKey)
    await next()
    if (fault?.kind === 'truncate' && c.res.status === 200) c.res = await truncated(c.res)
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

function faultResponse(
  requestId: string,
  fault: Extract<FaultDecision, { kind: 'fail' }>,
): Response {
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

/** The real body cut in half: a 200 whose JSON does not parse. */
async function truncated(res: Response): Promise<Response> {
  const text = await res.text()
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: res.status, headers })
}
