// The server's error edge: a PipelineError becomes a 4xx/5xx `{ error, code }`; anything else
// is logged and answered with a bare 500, so an unexpected message (a driver's, a library's)
// never reaches a caller. Retryable failures answer 503, so Cloud Scheduler tries again.

import type { ErrorHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PipelineError, describeError, type ErrorCode } from '../core/errors.js'
import type { ServerEnv } from './types.js'

const STATUS_BY_CODE: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  USAGE: 400,
  IMPORT_INVALID: 400,
  RUN_IN_PROGRESS: 409,
  CONFIG_INVALID: 500,
  MIGRATION_DRIFT: 500,
  MIGRATION_FAILED: 500,
}

/** The HTTP status a PipelineError maps to. */
export function statusOf(error: PipelineError): ContentfulStatusCode {
  return STATUS_BY_CODE[error.code] ?? (error.retryable ? 503 : 500)
}

export const onError: ErrorHandler<ServerEnv> = (error, c) => {
  const log = c.var.log
  const redact = c.var.redact
  if (error instanceof PipelineError) {
    const status = statusOf(error)
    log.error('request.failed', { status, code: error.code, error: redact(describeError(error)) })
    return c.json({ error: redact(error.message), code: error.code }, status)
  }
  log.error('request.crashed', { error: redact(describeError(error)) })
  return c.text('Internal Server Error', 500)
}
