// Turns a failed HTTP attempt into the PipelineError the caller sees. Messages name the vendor,
// the method and path (never the query string) and the fix; the vendor's own error text is
// kept, since it usually says what is wrong, but passes through a redactor that knows this
// request's credentials, because vendors do echo keys back ("Incorrect API key: sk-…").

import { PipelineError, type ErrorCode } from '../core/errors.js'

/** What an error needs to know about the request it describes. */
export interface RequestScope {
  vendor: string
  method: string
  /** Path without query: `/v1/organizations/cost_report`, or `host/path` for absolute URLs. */
  path: string
  /** Appended to auth failures: 'check ANTHROPIC_ADMIN_API_KEY'. */
  authHint?: string
  /** Masks this request's credentials and every known secret shape. */
  redact: (text: string) => string
}

/** A failed attempt, classified: the error to throw if we stop now, and how to retry. */
export interface AttemptFailure {
  kind: 'status' | 'timeout' | 'network' | 'payload'
  status?: number
  retryable: boolean
  rateLimited: boolean
  hintMs?: number
  error: PipelineError
}

const VENDOR_MESSAGE_MAX = 300

/** The error for a non-2xx answer; `bodyText` is the raw body (vendor error JSON or not). */
export function statusError(
  scope: RequestScope,
  status: number,
  headers: Headers,
  bodyText: string,
  kind: { rateLimited: boolean; retryable: boolean },
): PipelineError {
  const detail = vendorMessage(bodyText, scope.redact)
  const where = `HTTP ${status} on ${scope.method} ${scope.path}${detail ? `: ${detail}` : ''}`
  const context = { status, requestId: requestIdOf(headers) }
  if (kind.rateLimited) return make(scope, 'SOURCE_RATE_LIMIT', `rate limited (${where})`, context)
  if (status === 401 || status === 403) {
    const hint = scope.authHint ?? `check the ${scope.vendor} credentials in the config`
    return make(scope, 'SOURCE_AUTH', `refused the credentials (${where}); ${hint}`, context)
  }
  return make(scope, 'SOURCE_HTTP', `answered ${where}`, context, kind.retryable)
}

export function timeoutError(scope: RequestScope, timeoutMs: number): PipelineError {
  const message = `did not answer ${scope.method} ${scope.path} within ${timeoutMs} ms`
  return make(scope, 'SOURCE_HTTP', message, { timeoutMs }, true)
}

export function networkError(scope: RequestScope, cause: unknown): PipelineError {
  const message = `could not be reached for ${scope.method} ${scope.path} (${networkCode(cause)})`
  return make(scope, 'SOURCE_HTTP', message, {}, true, cause)
}

/** A 2xx body that does not parse: usually a truncated transfer, so worth another attempt. */
export function payloadError(scope: RequestScope, status: number, bytes: number): PipelineError {
  const message = `sent a body for ${scope.method} ${scope.path} that is not valid JSON (HTTP ${status}, ${bytes} bytes; likely truncated)`
  return make(scope, 'SOURCE_PAYLOAD', message, { status }, true)
}

/** The final error once every attempt failed. */
export function exhaustedError(last: AttemptFailure, attempts: number): PipelineError {
  const advice =
    last.rateLimited && last.hintMs === undefined
      ? '; the vendor kept refusing without a Retry-After, which is how a spend or usage cap answers — check the organization limits in the vendor console, or run again later'
      : ''
  return rewrap(last.error, `${last.error.message} — gave up after ${attempts} attempts${advice}`, {
    attempts,
  })
}

/** The server asked for a longer wait than we accept: stop now and say when to come back. */
export function hintTooLongError(last: AttemptFailure, hintMs: number, now: Date): PipelineError {
  const until = new Date(now.getTime() + hintMs).toISOString()
  const message = `${last.error.message} — the vendor asks to wait ${Math.ceil(hintMs / 1000)} s (until ${until}), longer than retry.maxRetryAfterMs allows; run again after that time`
  return rewrap(last.error, message, { retryAfterMs: hintMs })
}

/** The vendor's own message from its error JSON (Anthropic/OpenAI `error.message`, Cursor and
 *  GitHub `message`, Cursor `error`), else the raw text; redacted and cut to ~300 chars. */
export function vendorMessage(bodyText: string, redact: (text: string) => string): string {
  const text = redact(extractMessage(bodyText).replace(/\s+/g, ' ').trim())
  return text.length > VENDOR_MESSAGE_MAX ? `${text.slice(0, VENDOR_MESSAGE_MAX)}…` : text
}

function extractMessage(bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown }
    const nested = (body.error as { message?: unknown } | null | undefined)?.message
    for (const candidate of [nested, body.message, body.error]) {
      if (typeof candidate === 'string' && candidate) return candidate
    }
    if (body !== null && typeof body === 'object' && Object.keys(body).length === 0) return ''
  } catch {
    // Not JSON (a proxy's HTML page, plain text): the raw text is the best we have.
  }
  return bodyText
}

function make(
  scope: RequestScope,
  code: ErrorCode,
  message: string,
  context: Record<string, string | number | undefined>,
  retryable = code === 'SOURCE_RATE_LIMIT',
  cause?: unknown,
): PipelineError {
  return new PipelineError(code, scope.redact(`${scope.vendor} ${message}`), {
    retryable,
    cause,
    context: { vendor: scope.vendor, method: scope.method, endpoint: scope.path, ...context },
  })
}

function rewrap(error: PipelineError, message: string, more: Record<string, number>) {
  return new PipelineError(error.code, message, {
    retryable: error.retryable,
    cause: error.cause,
    context: { ...error.context, ...more },
  })
}

function requestIdOf(headers: Headers): string | undefined {
  return (
    headers.get('request-id') ??
    headers.get('x-request-id') ??
    headers.get('x-github-request-id') ??
    undefined
  )
}

function networkCode(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code
  if (typeof inner === 'string') return inner
  return cause instanceof Error ? cause.name : 'network error'
}
