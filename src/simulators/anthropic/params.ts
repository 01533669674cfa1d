// Query-parameter parsing with the Admin API's error semantics: every bad value is a 400
// `invalid_request_error`. Array parameters must use bracket notation (`group_by[]=a`); the
// plain form is rejected, as the original team found against the real API.

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error'

/** An error the simulator answers in the vendor's documented shape. */
export class AnthropicApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
  ) {
    super(message)
    this.name = 'AnthropicApiError'
  }
}

export function invalid(message: string): AnthropicApiError {
  return new AnthropicApiError(400, 'invalid_request_error', message)
}

/** Query values as Hono's `c.req.queries()` gives them: every key maps to all its values. */
export type Query = Record<string, string[]>

export function one(query: Query, name: string): string | undefined {
  return query[name]?.[0]
}

/** `name[]` values; the bracketless `name=` is a 400. */
export function many(query: Query, name: string): string[] {
  if (query[name] !== undefined)
    throw invalid(`${name}: array parameters must be sent as ${name}[]=…`)
  return query[`${name}[]`] ?? []
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** RFC 3339 or 'YYYY-MM-DD' (UTC midnight) → epoch ms. */
export function parseInstant(raw: string, name: string): number {
  const text = DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw
  const ms = RFC3339.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(ms)) throw invalid(`${name}: must be an RFC 3339 datetime, got "${raw}"`)
  return ms
}

export function requiredInstant(query: Query, name: string): number {
  const raw = one(query, name)
  if (raw === undefined || raw === '') throw invalid(`${name}: Field required`)
  return parseInstant(raw, name)
}

export function parseLimit(
  raw: string | undefined,
  fallback: number,
  max: number,
  min = 1,
): number {
  if (raw === undefined) return fallback
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`limit: must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return n
}

export function oneOf<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  name: string,
): T | undefined {
  if (raw === undefined) return undefined
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalid(`${name}: must be one of ${allowed.join(', ')}, got "${raw}"`)
  }
  return raw as T
}

/** `group_by[]` values, each allowed and unique, at most `max` of them. */
export function parseGroupBy<T extends string>(
  query: Query,
  allowed: readonly T[],
  max = Infinity,
): T[] {
  const values = many(query, 'group_by')
  if (values.length > max) throw invalid(`Cannot specify more than ${max} group_by[] dimensions.`)
  for (const value of values) oneOf(value, allowed, 'group_by[]')
  return [...new Set(values)] as T[]
}

export function parseBoolean(raw: string | undefined, name: string): boolean | undefined {
  if (raw === undefined) return undefined
  if (raw === 'true' || raw === 'false') return raw === 'true'
  throw invalid(`${name}: must be true or false, got "${raw}"`)
}
