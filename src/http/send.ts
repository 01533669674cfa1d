// One attempt of one request: fetch under a per-attempt timeout, read the whole body, classify
// the outcome. Redirects are followed here, by hand, so credentials only ever go to the base
// URL's origin: fetch would drop `Authorization` on a cross-origin hop but keep `x-api-key`.

import {
  networkError,
  payloadError,
  statusError,
  timeoutError,
  type AttemptFailure,
  type RequestScope,
} from './errors.js'
import { isRateLimited, isRetryableStatus, readRetryHintMs, readShouldRetry } from './retry.js'
import { isSameOrigin } from './url.js'

/** The client-wide half of an attempt. */
export interface Transport {
  baseUrl: string
  userAgent: string
  timeoutMs: number
  fetch: typeof fetch
  parseJson: (text: string) => unknown
  now: () => Date
}

/** The per-request half: a built URL and this attempt's credentials. */
export interface PreparedRequest {
  url: string
  method: 'GET' | 'POST'
  /** JSON text. */
  body?: string
  /** Credential headers, sent only to the base URL's origin. */
  auth: Record<string, string>
  headers?: Record<string, string>
  responseType: 'json' | 'text'
  signal?: AbortSignal
  scope: RequestScope
}

export type AttemptResult =
  { ok: true; status: number; headers: Headers; body: unknown } | ({ ok: false } & AttemptFailure)

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

/** Sends once; throws only when the caller's own signal aborted. */
export async function sendOnce(t: Transport, req: PreparedRequest): Promise<AttemptResult> {
  const attempt = attemptSignal(t.timeoutMs, req.signal)
  let res: Response
  let text: string
  try {
    res = await fetchFollowingRedirects(t, req, attempt.signal)
    text = await res.text()
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason
    if (attempt.hasTimedOut()) return failed('timeout', timeoutError(req.scope, t.timeoutMs))
    return failed('network', networkError(req.scope, error))
  } finally {
    attempt.dispose()
  }
  return res.ok ? readBody(t, req, res, text) : classifyStatus(t, req, res, text)
}

/**
 * The caller's signal plus a timeout, for one attempt. Hand-made rather than
 * AbortSignal.any(), which leaks when combined with a long-lived run signal
 * (nodejs/node#54614, #55351); here both the timer and the listener are released.
 */
function attemptSignal(timeoutMs: number, caller?: AbortSignal) {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'))
  }, timeoutMs)
  const onAbort = () => controller.abort(caller?.reason)
  if (caller?.aborted) onAbort()
  else caller?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    hasTimedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      caller?.removeEventListener('abort', onAbort)
    },
  }
}

async function fetchFollowingRedirects(t: Transport, req: PreparedRequest, signal: AbortSignal) {
  let { url, method, body } = req
  for (let hop = 0; ; hop++) {
    const headers = headersFor(t, req, url, hop, body !== undefined)
    const res = await t.fetch(url, { method, body, headers, signal, redirect: 'manual' })
    const location = res.headers.get('location')
    if (!REDIRECT_STATUSES.has(res.status) || !location || hop >= MAX_REDIRECTS) return res
    await res.body?.cancel()
    url = new URL(location, url).toString()
    if (res.status === 303 || (res.status <= 302 && method === 'POST')) {
      method = 'GET'
      body = undefined
    }
  }
}

function headersFor(
  t: Transport,
  req: PreparedRequest,
  url: string,
  hop: number,
  hasBody: boolean,
) {
  const trusted = isSameOrigin(url, t.baseUrl)
  const headers = new Headers({ 'user-agent': t.userAgent })
  if (trusted) headers.set('accept', 'application/json')
  if (hasBody) headers.set('content-type', 'application/json')
  if (trusted) for (const [k, v] of Object.entries(req.auth)) headers.set(k, v)
  // Caller headers go where the caller pointed, not to wherever a redirect leads.
  if (trusted || hop === 0)
    for (const [k, v] of Object.entries(req.headers ?? {})) headers.set(k, v)
  return headers
}

function readBody(t: Transport, req: PreparedRequest, res: Response, text: string): AttemptResult {
  const ok = (body: unknown): AttemptResult => ({
    ok: true,
    status: res.status,
    headers: res.headers,
    body,
  })
  if (req.responseType === 'text') return ok(text)
  if (res.status === 204 || res.status === 205) return ok(null)
  try {
    return ok(t.parseJson(text))
  } catch {
    // The parser's message quotes the body (row values); the byte count says enough.
    return failed('payload', payloadError(req.scope, res.status, Buffer.byteLength(text)))
  }
}

function classifyStatus(t: Transport, req: PreparedRequest, res: Response, text: string) {
  const { status, headers } = res
  const rateLimited = isRateLimited(status, headers, text)
  const retryable = readShouldRetry(headers) ?? (rateLimited || isRetryableStatus(status))
  const error = statusError(req.scope, status, headers, text, { rateLimited, retryable })
  const hintMs = readRetryHintMs(headers, t.now())
  return failed('status', error, { status, rateLimited, retryable, hintMs })
}

function failed(
  kind: AttemptFailure['kind'],
  error: AttemptFailure['error'],
  more: Partial<AttemptFailure> = {},
): AttemptResult {
  return { ok: false, kind, error, retryable: error.retryable, rateLimited: false, ...more }
}
