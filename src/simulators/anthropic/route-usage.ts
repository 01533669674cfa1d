// GET /v1/organizations/usage_report/messages: token counts per bucket, grouped by up to five
// dimensions and filtered by id lists. Hourly and minute buckets spread each day's counts evenly
// over its buckets (integer parts, remainder to the earliest), so any width sums to the day.

import type { Hono } from 'hono'
import { dayOf } from '../../core/days.js'
import { createMemo } from '../shared/memo.js'
import { BUCKET_WIDTHS, isoSeconds, planBucketPage, type BucketWidth } from './buckets.js'
import type { TokenCounts, UsageFact } from './generate.js'
import { hasTokens } from './generate.js'
import { invalid, many, one, oneOf, parseGroupBy, type Query } from './params.js'
import type { RouteDeps } from './route-deps.js'

const DIMENSIONS = {
  account_id: 'accountId',
  api_key_id: 'apiKeyId',
  context_window: 'contextWindow',
  inference_geo: 'inferenceGeo',
  model: 'model',
  service_account_id: 'serviceAccountId',
  service_tier: 'serviceTier',
  speed: 'speed',
  workspace_id: 'workspaceId',
} as const satisfies Record<string, keyof UsageFact>
type Dimension = keyof typeof DIMENSIONS

const ALL_DIMENSIONS = Object.keys(DIMENSIONS) as Dimension[]
const LEGACY_DIMENSIONS: Dimension[] = [
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
]

const FILTERS: Record<string, Dimension> = {
  account_ids: 'account_id',
  api_key_ids: 'api_key_id',
  workspace_ids: 'workspace_id',
  service_account_ids: 'service_account_id',
  models: 'model',
  service_tiers: 'service_tier',
  context_window: 'context_window',
  inference_geos: 'inference_geo',
  speeds: 'speed',
}

const FAST_MODE_BETA = 'fast-mode-2026-02-01'

interface Row {
  dims: Partial<Record<Dimension, string | null>>
  tokens: TokenCounts
}

export function registerUsageReport(app: Hono, deps: RouteDeps): void {
  app.get('/v1/organizations/usage_report/messages', (c) => {
    const query: Query = c.req.queries()
    const allowed = deps.legacyUsageFields ? LEGACY_DIMENSIONS : ALL_DIMENSIONS
    const width =
      oneOf(one(query, 'bucket_width'), ['1d', '1h', '1m'] as const, 'bucket_width') ?? '1d'
    const groupBy = parseGroupBy(query, allowed, 5)
    const filters = parseFilters(query, allowed)
    const usesSpeed = groupBy.includes('speed') || filters.has('speed')
    if (usesSpeed && !(c.req.header('anthropic-beta') ?? '').includes(FAST_MODE_BETA)) {
      throw invalid(`speed requires the anthropic-beta header ${FAST_MODE_BETA}`)
    }
    const nowMs = deps.now().getTime()
    const page = planBucketPage(query, width, nowMs)
    const memo = createMemo()
    const rowsOf = (day: string) =>
      memo(day, () => aggregate(deps.data.factsAt(day, nowMs).usage, groupBy, filters))
    const data = page.starts.map((start) => ({
      starting_at: isoSeconds(start),
      ending_at: isoSeconds(start + BUCKET_WIDTHS[width].ms),
      results: bucketRows(rowsOf(dayOf(new Date(start))), width, start).map((r) =>
        toWire(r, allowed),
      ),
    }))
    return c.json({ data, has_more: page.nextPage !== null, next_page: page.nextPage })
  })
}

function parseFilters(query: Query, allowed: Dimension[]): Map<Dimension, Set<string>> {
  const filters = new Map<Dimension, Set<string>>()
  for (const [param, dimension] of Object.entries(FILTERS)) {
    const values = many(query, param)
    if (values.length === 0) continue
    if (!allowed.includes(dimension)) throw invalid(`${param}[]: not supported`)
    filters.set(dimension, new Set(values))
  }
  return filters
}

function aggregate(
  facts: readonly UsageFact[],
  groupBy: Dimension[],
  filters: Map<Dimension, Set<string>>,
): Row[] {
  const rows = new Map<string, Row>()
  for (const fact of facts) {
    const value = (d: Dimension) => fact[DIMENSIONS[d]]
    if ([...filters].some(([d, allowed]) => !allowed.has(value(d) ?? ''))) continue
    const dims = Object.fromEntries(groupBy.map((d) => [d, value(d)]))
    const key = JSON.stringify(groupBy.map((d) => value(d)))
    const row = rows.get(key) ?? { dims, tokens: zeroTokens() }
    addTokens(row.tokens, fact.tokens)
    rows.set(key, row)
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}

function zeroTokens(): TokenCounts {
  return {
    uncachedInput: 0,
    cacheRead: 0,
    cacheCreation5m: 0,
    cacheCreation1h: 0,
    output: 0,
    webSearchRequests: 0,
  }
}

function addTokens(into: TokenCounts, add: TokenCounts): void {
  for (const field of Object.keys(into) as (keyof TokenCounts)[]) into[field] += add[field]
}

/** The share of each day row that falls in the bucket starting at `start`. */
function bucketRows(rows: Row[], width: BucketWidth, start: number): Row[] {
  if (width === '1d') return rows
  const parts = BUCKET_WIDTHS['1d'].ms / BUCKET_WIDTHS[width].ms
  const index = (start % BUCKET_WIDTHS['1d'].ms) / BUCKET_WIDTHS[width].ms
  const part = (n: number) => Math.floor(n / parts) + (index < n % parts ? 1 : 0)
  return rows
    .map((row) => {
      const tokens = zeroTokens()
      for (const field of Object.keys(tokens) as (keyof TokenCounts)[])
        tokens[field] = part(row.tokens[field])
      return { dims: row.dims, tokens }
    })
    .filter((row) => hasTokens(row.tokens))
}

function toWire(row: Row, fields: Dimension[]) {
  const t = row.tokens
  return {
    uncached_input_tokens: t.uncachedInput,
    cache_read_input_tokens: t.cacheRead,
    cache_creation: {
      ephemeral_5m_input_tokens: t.cacheCreation5m,
      ephemeral_1h_input_tokens: t.cacheCreation1h,
    },
    output_tokens: t.output,
    server_tool_use: { web_search_requests: t.webSearchRequests },
    ...Object.fromEntries(fields.map((d) => [d, row.dims[d] ?? null])),
  }
}
