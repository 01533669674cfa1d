// One resource per usage endpoint (`/organization/usage/{kind}`), daily buckets grouped by every
// dimension the endpoint accepts, into `openai_usage_{kind}`. The page schema is built from the
// endpoint's spec, so every metric is typed and checked; completions also refuses cached tokens
// exceeding input tokens, since usage_daily derives uncached input by subtraction.

import { z } from 'zod'
import type { Row } from '../../core/records.js'
import { lineKey, parsePageOrThrow, payloadError, type ParseWhere } from '../parse.js'
import { windowOrThrow } from '../pages.js'
import { dailyReportTable } from '../report-tables.js'
import type { RawPage, Resource, TableRows } from '../source.js'
import { bucketDayOrThrow, bucketPages } from './buckets.js'
import { rawJsonLossless } from './json.js'
import { count, nullableString } from '../payload-fields.js'
import { bucketPageSchema } from './payloads.js'
import type { UsageDim, UsageEndpoint } from './usage-endpoints.js'

export interface UsageOptions {
  lookbackDays: number
  /** Daily buckets per page (API default 7, max 31). */
  bucketsPerPage: number
}

type Result = Record<string, unknown>

export function usageResource(e: UsageEndpoint, o: UsageOptions): Resource {
  const normalize = usageNormalizer(e)
  return {
    name: `usage_${e.kind}`,
    tables: [dailyReportTable(e.table)],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 31 },
    extract: (ctx, window) => {
      const w = windowOrThrow(window, `usage_${e.kind}`)
      const query = { group_by: e.groupBy, limit: Math.min(o.bucketsPerPage, 31) }
      return bucketPages(ctx, { path: `/organization/usage/${e.kind}`, query }, w)
    },
    normalize: (page) => normalize(page),
  }
}

export function usageNormalizer(e: UsageEndpoint): (page: RawPage) => TableRows {
  const schema = bucketPageSchema(resultSchema(e))
  const where: ParseWhere = { vendor: 'openai', resource: `usage_${e.kind}` }
  return (page) => {
    const body = parsePageOrThrow(schema, page, where)
    const rows: Row[] = []
    for (const bucket of body.data) {
      const day = bucketDayOrThrow(bucket, where, page.window)
      for (const result of bucket.results as Result[]) {
        checkResult(e, result, where, page, day)
        rows.push(usageRow(e, day, result))
      }
    }
    return { [e.table]: rows }
  }
}

function resultSchema(e: UsageEndpoint) {
  const dim = (d: UsageDim) => (d === 'batch' ? z.boolean().nullable().optional() : nullableString)
  return z.looseObject({
    ...Object.fromEntries(e.groupBy.map((d) => [d, dim(d)])),
    ...Object.fromEntries(e.metrics.map((m) => [m, count])),
    ...Object.fromEntries(e.optionalMetrics.map((m) => [m, count.nullable().optional()])),
  })
}

function usageRow(e: UsageEndpoint, day: string, r: Result): Row {
  const dims = Object.fromEntries(e.groupBy.map((d) => [d, (r[d] ?? null) as string | null]))
  const metric = (m: string) => (r[m] ?? null) as number | null
  return {
    usage_date: day,
    line_key: lineKey(dims),
    ...dims,
    ...Object.fromEntries([...e.metrics, ...e.optionalMetrics].map((m) => [m, metric(m)])),
    raw_json: rawJsonLossless(r),
  }
}

function checkResult(e: UsageEndpoint, r: Result, where: ParseWhere, page: RawPage, day: string) {
  if (e.kind !== 'completions') return
  const n = (m: string) => (typeof r[m] === 'number' ? r[m] : 0)
  if (n('input_cached_tokens') + n('input_cache_write_tokens') <= n('input_tokens')) return
  throw payloadError(
    'openai usage_completions: input_cached_tokens exceed input_tokens (input must include cached)',
    where,
    page.window,
    { day, field: 'input_cached_tokens' },
  )
}
