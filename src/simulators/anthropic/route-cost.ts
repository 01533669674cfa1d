// GET /v1/organizations/cost_report: daily buckets of cost lines, optionally grouped by
// workspace_id and/or description. Amounts are cents as decimal strings. Grouping by
// description also fills cost_type, token_type, model, service_tier, context_window and
// inference_geo; every dimension not grouped is null, and workspace_id null is also Default.

import type { Hono } from 'hono'
import { dayOf } from '../../core/days.js'
import type { Money } from '../../core/money.js'
import { isoSeconds, planBucketPage } from './buckets.js'
import type { CostLine } from './cost-lines.js'
import { invalid, one, parseGroupBy, type Query } from './params.js'
import type { RouteDeps } from './route-deps.js'

const COST_GROUP_BY = ['workspace_id', 'description'] as const
type CostGroup = (typeof COST_GROUP_BY)[number]

export function registerCostReport(app: Hono, deps: RouteDeps): void {
  app.get('/v1/organizations/cost_report', (c) => {
    const query: Query = c.req.queries()
    const width = one(query, 'bucket_width') ?? '1d'
    if (width !== '1d') throw invalid(`bucket_width: only "1d" is supported, got "${width}"`)
    const groupBy = new Set(parseGroupBy(query, COST_GROUP_BY))
    const nowMs = deps.now().getTime()
    const page = planBucketPage(query, '1d', nowMs)
    const data = page.starts.map((start) => ({
      starting_at: isoSeconds(start),
      ending_at: isoSeconds(start + 86_400_000),
      results: costResults(deps.data.costLinesAt(dayOf(new Date(start)), nowMs), groupBy),
    }))
    return c.json({ data, has_more: page.nextPage !== null, next_page: page.nextPage })
  })
}

/** Nano-dollars → cents as the API prints them: "83391.52823", "946.6", "12". */
export function centsText(amount: Money): string {
  const value: bigint = amount
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = abs / 10_000_000n
  const frac = (abs % 10_000_000n).toString().padStart(7, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`
}

function costResults(lines: readonly CostLine[], groupBy: Set<CostGroup>) {
  if (lines.length === 0) return []
  const byWorkspace = groupBy.has('workspace_id')
  const byDescription = groupBy.has('description')
  const groups = new Map<string, { line: CostLine; amount: bigint }>()
  for (const line of lines) {
    const key = JSON.stringify([
      byWorkspace ? line.workspaceId : 0,
      byDescription ? [line.description, line.tokenType, line.model] : 0,
    ])
    const group = groups.get(key) ?? { line, amount: 0n }
    group.amount += line.amount
    groups.set(key, group)
  }
  return [...groups.values()].map(({ line, amount }) => ({
    currency: 'USD',
    amount: centsText(amount as Money),
    workspace_id: byWorkspace ? line.workspaceId : null,
    ...descriptionFields(byDescription ? line : null),
  }))
}

function descriptionFields(line: CostLine | null) {
  return {
    description: line?.description ?? null,
    cost_type: line?.costType ?? null,
    token_type: line?.tokenType ?? null,
    model: line?.model ?? null,
    service_tier: line?.serviceTier ?? null,
    context_window: line?.contextWindow ?? null,
    inference_geo: line?.inferenceGeo ?? null,
  }
}
