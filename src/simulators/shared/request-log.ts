// The request log every simulator keeps, so tests can assert what the pipeline actually asked
// for (paging to the end, windows, group_by). It is the outermost middleware: faults, auth
// failures and rate limits are logged with the status the client saw. The default keeps every
// value of a repeated query key, because Anthropic's `group_by[]` repeats.

import type { Context, MiddlewareHandler } from 'hono'

/** Every value of each query key, in order: `{ 'group_by[]': ['workspace_id', 'description'] }`. */
export type QueryValues = Record<string, string[]>

export interface RequestLogEntry<Query = QueryValues> {
  method: string
  path: string
  query: Query
  /** The parsed JSON body of a POST (the raw text if it was not JSON). */
  body?: unknown
  status: number
  /** The simulator's `now()` when the request arrived. */
  at: Date
}

export interface RequestLogOptions<Query> {
  now: () => Date
  /** How the query is kept (default: every value, `allQueryValues`). */
  readQuery?: (c: Context) => Query
  /** Query keys whose values are replaced by '[redacted]' (signatures, tokens). */
  redact?: readonly string[]
}

/** Appends one entry per request to `log`, after the response is final. */
export function recordRequests<Query = QueryValues>(
  log: RequestLogEntry<Query>[],
  options: RequestLogOptions<Query>,
): MiddlewareHandler {
  const readQuery = options.readQuery ?? (allQueryValues as (c: Context) => Query)
  return async (c, next) => {
    const at = options.now()
    await next()
    const query = redacted(readQuery(c), options.redact ?? [])
    const entry: RequestLogEntry<Query> = {
      method: c.req.method,
      path: c.req.path,
      query,
      status: c.res.status,
      at,
    }
    if (c.req.method === 'POST') entry.body = await readBody(c)
    log.push(entry)
  }
}

export function allQueryValues(c: Context): QueryValues {
  return c.req.queries()
}

/** Only the first value of each key. */
export function firstQueryValues(c: Context): Record<string, string> {
  return c.req.query()
}

/** Lossless but flat: a key sent once is a string, a repeated key an array. */
export function compactQueryValues(c: Context): Record<string, string | string[]> {
  const entries = Object.entries(c.req.queries())
  return Object.fromEntries(entries.map(([k, v]) => [k, v.length === 1 ? (v[0] ?? '') : v]))
}

function redacted<Query>(query: Query, keys: readonly string[]): Query {
  const copy = { ...(query as Record<string, unknown>) }
  for (const key of keys) {
    const value = copy[key]
    if (value !== undefined) copy[key] = Array.isArray(value) ? ['[redacted]'] : '[redacted]'
  }
  return copy as Query
}

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text()
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return text
  }
}
