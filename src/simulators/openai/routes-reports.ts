// The bucketed report endpoints: `/v1/organization/usage/{kind}` and `/v1/organization/costs`.
// Both page through time buckets (empty buckets included, `results: []`) with the opaque
// `next_page` cursor, and read their numbers from the data store at the request's `now`.

import type { Hono } from 'hono'
import { dayOfEpochMs } from '../../core/days.js'
import {
  COST_DIMS,
  costResults,
  usageResults,
  type CostFilters,
  type DimFilter,
} from './aggregate.js'
import {
  COSTS_LIMITS,
  USAGE_LIMITS,
  WIDTH_SECONDS,
  queryFingerprint,
  readBucketPage,
  type BucketWidth,
} from './buckets.js'
import type { OpenaiData } from './data.js'
import { notFound } from './errors.js'
import { KIND_SPECS, isUsageKind, type DimValue, type KindSpec, type UsageFact } from './kinds.js'
import { queryList, queryListOf, queryOptionalBool } from './params.js'

export interface ReportDeps {
  data: OpenaiData
  now: () => Date
}

interface Request {
  params: URLSearchParams
  nowMs: number
  fingerprint: string
}

function requestOf(url: string, now: () => Date): Request {
  const parsed = new URL(url)
  return {
    params: parsed.searchParams,
    nowMs: now().getTime(),
    fingerprint: queryFingerprint(parsed.pathname, parsed.searchParams),
  }
}

export function registerReportRoutes(app: Hono, deps: ReportDeps): void {
  app.get('/v1/organization/usage/:kind', (c) => {
    const kind = c.req.param('kind')
    if (!isUsageKind(kind)) throw notFound(`Invalid URL (GET ${c.req.path})`)
    const req = requestOf(c.req.url, deps.now)
    const spec = KIND_SPECS[kind]
    const page = readBucketPage(
      req.params,
      Math.floor(req.nowMs / 1000),
      USAGE_LIMITS,
      req.fingerprint,
    )
    const groupBy = queryListOf(req.params, 'group_by', spec.groupBy)
    const filters = usageFilters(req.params, spec)
    const results = (start: number) =>
      usageResults(kind, factsOfBucket(deps.data, page.width, start, req.nowMs), groupBy, filters)
    return c.json(pageBody(page.width, page.starts, page.nextPage, results))
  })
  app.get('/v1/organization/costs', (c) => {
    const req = requestOf(c.req.url, deps.now)
    const page = readBucketPage(
      req.params,
      Math.floor(req.nowMs / 1000),
      COSTS_LIMITS,
      req.fingerprint,
    )
    const groupBy = queryListOf(req.params, 'group_by', COST_DIMS)
    const filters = costFilters(req.params)
    const results = (start: number) =>
      costResults(deps.data.costLines(dayOfEpochMs(start * 1000), req.nowMs), groupBy, filters)
    return c.json(pageBody(page.width, page.starts, page.nextPage, results))
  })
}

function pageBody(
  width: BucketWidth,
  starts: number[],
  nextPage: string | null,
  results: (start: number) => unknown[],
) {
  const data = starts.map((start) => ({
    object: 'bucket',
    start_time: start,
    end_time: start + WIDTH_SECONDS[width],
    results: results(start),
  }))
  return { object: 'page', data, has_more: nextPage !== null, next_page: nextPage }
}

function factsOfBucket(
  data: OpenaiData,
  width: BucketWidth,
  start: number,
  nowMs: number,
): readonly UsageFact[] {
  const day = dayOfEpochMs(start * 1000)
  const secondOfDay = start % 86_400
  const hour = Math.floor(secondOfDay / 3600)
  if (width === '1d') return data.dayFacts(day, nowMs)
  if (width === '1h') return data.hourFacts(day, hour, nowMs)
  return data.minuteFacts(day, hour, Math.floor((secondOfDay % 3600) / 60), nowMs)
}

function usageFilters(params: URLSearchParams, spec: KindSpec): DimFilter[] {
  return Object.entries(spec.filters).flatMap(([name, dim]): DimFilter[] => {
    if (dim === 'batch') {
      const only = queryOptionalBool(params, name)
      return only === undefined ? [] : [{ dim, values: new Set<DimValue>([only]) }]
    }
    const values = queryList(params, name)
    return values.length === 0 ? [] : [{ dim, values: new Set<DimValue>(values) }]
  })
}

function costFilters(params: URLSearchParams): CostFilters {
  const projectIds = queryList(params, 'project_ids')
  const apiKeyIds = queryList(params, 'api_key_ids')
  return {
    projectIds: projectIds.length > 0 ? new Set(projectIds) : undefined,
    apiKeyIds: apiKeyIds.length > 0 ? new Set(apiKeyIds) : undefined,
  }
}
