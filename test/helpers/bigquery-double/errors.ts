// BigQuery-shaped errors. The REST API answers failures with
// `{ error: { code, message, errors: [{ reason, message, domain, location? }], status } }`
// and the Node client turns that into an ApiError whose `errors[0].reason` callers classify
// (rateLimitExceeded/backendError retryable). Jobs carry the same proto in status.errorResult.

export interface ErrorProto {
  reason: string
  message: string
  location?: string
}

export class BigQueryError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly location?: string,
    /** Per-row problems of a load job (status.errors after the summary). */
    readonly details: ErrorProto[] = [],
  ) {
    super(message)
    this.name = 'BigQueryError'
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
}

/** The HTTP status BigQuery uses for a reason (rate limits are 403 there, not 429). */
export const STATUS_BY_REASON: Record<string, number> = {
  rateLimitExceeded: 403,
  quotaExceeded: 403,
  accessDenied: 403,
  backendError: 503,
  internalError: 500,
  notFound: 404,
  duplicate: 409,
  invalid: 400,
  invalidQuery: 400,
  notImplemented: 501,
}

export function invalidQuery(message: string): BigQueryError {
  return new BigQueryError(400, 'invalidQuery', message, 'query')
}

export function invalid(message: string): BigQueryError {
  return new BigQueryError(400, 'invalid', message)
}

export function notFound(what: string): BigQueryError {
  return new BigQueryError(404, 'notFound', `Not found: ${what}`)
}

export function duplicate(what: string): BigQueryError {
  return new BigQueryError(409, 'duplicate', `Already Exists: ${what}`)
}

/** What the double deliberately does not implement: always an error, never a silent success. */
export function unsupported(what: string): BigQueryError {
  return new BigQueryError(400, 'invalidQuery', `BigQuery double does not support ${what}`)
}

const DUCKDB_USER_ERROR =
  /^(Catalog|Binder|Parser|Conversion|Constraint|Invalid Input|Out of Range|Not implemented|Dependency|Transaction|Syntax|Invalid type) Error/

/** DuckDB's errors about the statement become invalidQuery (a missing table notFound); any
 *  other failure is the double's own bug and becomes internalError (500). */
export function toBigQueryError(error: unknown): BigQueryError {
  if (error instanceof BigQueryError) return error
  const message = error instanceof Error ? error.message : String(error)
  const firstLine = message.split('\n')[0] ?? message
  const table = /Table with name (\S+) does not exist/.exec(message)
  if (table) return notFound(`Table ${table[1]}`)
  if (DUCKDB_USER_ERROR.test(firstLine)) return invalidQuery(firstLine)
  return new BigQueryError(500, 'internalError', `BigQuery double failed: ${firstLine}`)
}

/** ErrorProto, as in job status.errorResult and error.errors[]. */
export function errorProto(error: BigQueryError): ErrorProto {
  return {
    reason: error.reason,
    message: error.message,
    ...(error.location ? { location: error.location } : {}),
  }
}

export function errorBody(error: BigQueryError) {
  return {
    error: {
      code: error.status,
      message: error.message,
      errors: [errorProto(error), ...error.details].map((e) => ({ ...e, domain: 'global' })),
      status: STATUS_NAMES[error.status] ?? 'UNKNOWN',
    },
  }
}
