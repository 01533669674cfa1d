// The one HTTP choke point every vendor source talks through: builds the URL, paces, sends,
// retries and turns failures into PipelineErrors. Credentials come from a function evaluated
// per attempt (tokens can rotate mid-backfill) and go only to the base URL's origin, so an
// absolute signed download link is fetched bare. Sleeps go through the injected clock.

import { systemClock, type Clock } from '../core/clock.js'
import { silentLogger, type Logger } from '../core/logger.js'
import { credentialRedactor } from './auth.js'
import { exhaustedError, hintTooLongError, type AttemptFailure } from './errors.js'
import type { RateLimiter } from './rate-limit.js'
import {
  planRetry,
  resolveRetryPolicy,
  type ResolvedRetryPolicy,
  type RetryPolicy,
} from './retry.js'
import { sendOnce, type PreparedRequest, type Transport } from './send.js'
import type { HttpClient, HttpRequest, HttpResponse } from './types.js'
import { buildUrl, pathOf, type ArrayStyle } from './url.js'
import { DEFAULT_USER_AGENT } from './user-agent.js'

export interface HttpClientOptions {
  /** Names the vendor in logs and errors: 'anthropic'. */
  vendor: string
  /** 'https://api.anthropic.com' (a path prefix such as '/v1' is kept). */
  baseUrl: string
  /** Auth and fixed headers, evaluated before every attempt; sent only to baseUrl's origin. */
  headers: () => Record<string, string> | Promise<Record<string, string>>
  arrayStyle: ArrayStyle
  /** Ends auth error messages: 'check ANTHROPIC_ADMIN_API_KEY'. */
  authHint?: string
  /** Per attempt, covering the body download too (default 60 000). */
  timeoutMs?: number
  retry?: RetryPolicy
  rateLimit?: RateLimiter
  clock?: Clock
  logger?: Logger
  fetch?: typeof fetch
  userAgent?: string
  /** JSON parser for response bodies (default JSON.parse); e.g. a lossless one for money. */
  parseJson?: (text: string) => unknown
}

interface ClientConfig {
  transport: Transport
  options: HttpClientOptions
  retry: ResolvedRetryPolicy
  clock: Clock
  logger: Logger
}

interface Target {
  url: string
  method: 'GET' | 'POST'
  body?: string
  endpoint: string
}

/**
 * Creates the HTTP client one vendor source uses.
 * @example
 * const http = createHttpClient({
 *   vendor: 'anthropic',
 *   baseUrl: 'https://api.anthropic.com',
 *   headers: () => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' }),
 *   arrayStyle: 'brackets',
 *   authHint: 'check ANTHROPIC_ADMIN_API_KEY',
 *   rateLimit: createRateLimiter({ requestsPerMinute: 50, clock: systemClock }),
 * })
 * const res = await http.request({ path: '/v1/organizations/users', query: { limit: 100 } })
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? systemClock
  const config: ClientConfig = {
    options: Object.freeze({ ...options }),
    clock,
    retry: resolveRetryPolicy(options.retry),
    logger: options.logger ?? silentLogger,
    transport: {
      baseUrl: options.baseUrl,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      timeoutMs: options.timeoutMs ?? 60_000,
      fetch: options.fetch ?? globalThis.fetch,
      parseJson: options.parseJson ?? ((text) => JSON.parse(text) as unknown),
      now: () => clock.now(),
    },
  }
  return { request: (req) => requestWithRetries(config, req) }
}

async function requestWithRetries<T>(c: ClientConfig, req: HttpRequest): Promise<HttpResponse<T>> {
  const target = targetOf(c, req)
  for (let attempt = 1; ; attempt++) {
    await pace(c, target.endpoint, req.signal)
    const prepared = await prepare(c, req, target)
    const started = performance.now()
    const result = await sendOnce(c.transport, prepared)
    const ms = Math.round(performance.now() - started)
    c.logger.debug('http.request', logFields(c, target, { status: result.status, ms }))
    if (result.ok) {
      const { status, headers, body } = result
      return { status, headers, body: body as T, attempts: attempt }
    }
    const waitMs = waitOrThrow(c, result, attempt)
    c.logger.warn('http.retry', logFields(c, target, retryFields(result, attempt, waitMs)))
    if (result.rateLimited) c.options.rateLimit?.pause(target.endpoint, waitMs)
    await c.clock.sleep(waitMs, req.signal)
  }
}

function targetOf(c: ClientConfig, req: HttpRequest): Target {
  const { baseUrl, arrayStyle } = c.options
  return {
    url: buildUrl(baseUrl, req.path, req.query, arrayStyle),
    method: req.method ?? (req.body === undefined ? 'GET' : 'POST'),
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    endpoint: req.endpoint ?? pathOf(req.path),
  }
}

async function pace(c: ClientConfig, endpoint: string, signal?: AbortSignal) {
  const waitedMs = (await c.options.rateLimit?.acquire(endpoint, signal)) ?? 0
  if (waitedMs <= 0) return
  const fields = { vendor: c.options.vendor, endpoint, waitMs: waitedMs }
  // A long wait is what a person watching a backfill needs to see (the CLI shows warnings on a
  // terminal): the run is slowing down to stay under the vendor's limit, not stuck.
  if (waitedMs >= LONG_PACE_MS)
    c.logger.warn('http.paced', { ...fields, note: 'pacing to stay under the vendor rate limit' })
  else c.logger.info('http.paced', fields)
}

const LONG_PACE_MS = 5_000

async function prepare(c: ClientConfig, req: HttpRequest, t: Target): Promise<PreparedRequest> {
  const auth = await c.options.headers()
  const { vendor, authHint } = c.options
  const scope = {
    vendor,
    authHint,
    method: t.method,
    path: pathOf(req.path),
    // Caller headers join the redactor too: a source may pass a credential per request.
    redact: credentialRedactor({ ...auth, ...req.headers }),
  }
  const responseType = req.responseType ?? 'json'
  return { ...t, auth, headers: req.headers, responseType, signal: req.signal, scope }
}

/** The wait before the next attempt, or the final error when there is none. */
function waitOrThrow(c: ClientConfig, failure: AttemptFailure, attempt: number): number {
  const plan = planRetry(failure, attempt, c.retry)
  if (plan.action === 'retry') return plan.waitMs
  if (plan.reason === 'terminal') throw failure.error
  if (plan.reason === 'hint-too-long')
    throw hintTooLongError(failure, plan.hintMs ?? 0, c.clock.now())
  throw exhaustedError(failure, attempt)
}

function retryFields(failure: AttemptFailure, attempt: number, waitMs: number) {
  return { status: failure.status, reason: failure.kind, attempt, waitMs }
}

function logFields(c: ClientConfig, t: Target, fields: Record<string, unknown>) {
  return { vendor: c.options.vendor, endpoint: t.endpoint, method: t.method, ...fields }
}
