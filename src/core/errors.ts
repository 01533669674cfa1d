// The one error root for the whole product. Every layer throws a PipelineError (or a
// subclass from its own errors.ts) so the two edges — cli/output.ts and server/errors.ts —
// can turn it into an exit code or HTTP status without knowing where it came from.
// Messages name the thing and the fix; they never hold secrets, URLs with query strings
// or row values: identifiers go in `context`.

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'SOURCE_HTTP'
  | 'SOURCE_AUTH'
  | 'SOURCE_PAYLOAD'
  | 'SOURCE_RATE_LIMIT'
  | 'WAREHOUSE_QUERY'
  | 'WAREHOUSE_LOAD'
  | 'MIGRATION_DRIFT'
  | 'MIGRATION_FAILED'
  | 'IMPORT_INVALID'
  | 'RUN_IN_PROGRESS'
  | 'INTERNAL'

export interface ErrorContext {
  vendor?: string
  resource?: string
  loadId?: string
  runId?: string
  table?: string
  migration?: string
  day?: string
  file?: string
  line?: number
  field?: string
  status?: number
  [key: string]: string | number | boolean | undefined
}

export interface PipelineErrorOptions {
  retryable?: boolean
  cause?: unknown
  context?: ErrorContext
}

export class PipelineError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  readonly context: ErrorContext

  constructor(code: ErrorCode, message: string, options: PipelineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'PipelineError'
    this.code = code
    this.retryable = options.retryable ?? false
    this.context = { ...(options.context ?? {}) }
  }

  /** A copy of this error with more context (later layers know the resource or day). */
  withContext(context: ErrorContext): PipelineError {
    const copy = new PipelineError(this.code, this.message, {
      retryable: this.retryable,
      cause: this.cause,
      context: { ...context, ...this.context },
    })
    copy.name = this.name
    return copy
  }
}

/** Wraps anything thrown into a PipelineError, keeping the original as `cause`. */
export function toPipelineError(error: unknown, fallback: ErrorCode = 'INTERNAL'): PipelineError {
  if (error instanceof PipelineError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new PipelineError(fallback, message, { cause: error })
}

/** One line for humans: the message plus the context fields that locate the problem. */
export function describeError(error: unknown): string {
  const e = toPipelineError(error)
  const where = Object.entries(e.context)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ')
  return where ? `${e.message} (${where})` : e.message
}
