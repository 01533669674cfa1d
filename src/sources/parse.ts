// Shared helpers every vendor's normalize uses: validating a raw page against its zod schema
// with an error that names the vendor, resource, page, day and field (never the values), and
// the null-safe line keys that stand in for primary keys over nullable grouping columns.

import type { z } from 'zod'
import type { DayRange } from '../core/days.js'
import { PipelineError } from '../core/errors.js'
import type { RawPage } from './source.js'

export interface ParseWhere {
  vendor: string
  resource: string
}

export function parsePageOrThrow<S extends z.ZodType>(
  schema: S,
  page: RawPage,
  where: ParseWhere,
): z.infer<S> {
  const result = schema.safeParse(page.body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.join('.') || '(page)'
  throw payloadError(
    `${where.vendor} ${where.resource}: unexpected payload at ${field}: ${issue?.message ?? 'invalid'}`,
    where,
    page.window,
    {
      field,
      page: page.page,
    },
  )
}

export function payloadError(
  message: string,
  where: ParseWhere,
  window: DayRange | undefined,
  extra: { field?: string; page?: number; day?: string } = {},
): PipelineError {
  const day =
    extra.day ??
    (window
      ? window.from === window.to
        ? window.from
        : `${window.from}..${window.to}`
      : undefined)
  return new PipelineError('SOURCE_PAYLOAD', day ? `${message} (day ${day})` : message, {
    context: {
      vendor: where.vendor,
      resource: where.resource,
      day,
      field: extra.field,
      page: extra.page,
    },
  })
}

/**
 * A deterministic text key of a row's grouping values, null-safe: `["wrkspc_1",null,"opus"]`.
 * Keys are taken in sorted order so the same grouping always gives the same key.
 */
export function lineKey(values: Record<string, unknown>, exclude: readonly string[] = []): string {
  const keys = Object.keys(values)
    .filter((k) => !exclude.includes(k))
    .sort()
  return JSON.stringify(keys.map((k) => [k, scalarOrJson(values[k])]))
}

function scalarOrJson(value: unknown): unknown {
  if (value === undefined) return null
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value
}

/** The UTC day of an RFC 3339 bucket start; rejects anything that is not a midnight bucket. */
export function bucketDay(startingAt: string, where: ParseWhere, window?: DayRange): string {
  const m = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?(?:Z|\+00:00)$/.exec(startingAt)
  if (!m)
    throw payloadError(
      `${where.vendor} ${where.resource}: bucket start "${startingAt}" is not a UTC midnight`,
      where,
      window,
      { field: 'starting_at' },
    )
  return m[1]!
}
