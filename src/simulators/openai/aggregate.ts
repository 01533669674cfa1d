// Filtering and grouping of one bucket's facts into API results. Grouping fields are null
// unless grouped (OpenAI's documented semantics), so a null never means "the default project".
// Results are sorted by their group values, so the same request always gets the same bytes.

import type { Money } from '../../core/money.js'
import type { CostLine } from './cost-lines.js'
import {
  KIND_SPECS,
  servedMetrics,
  type Dim,
  type DimValue,
  type UsageFact,
  type UsageKind,
} from './kinds.js'
import { amountNumber, scaledNumber } from './wire.js'

export interface DimFilter {
  dim: Dim
  /** Allowed values (strings), or a boolean for `batch`. */
  values: ReadonlySet<DimValue>
}

export type CostDim = 'project_id' | 'line_item' | 'api_key_id'
export const COST_DIMS: readonly CostDim[] = ['project_id', 'line_item', 'api_key_id']

function groupKey(values: readonly DimValue[]): string {
  return JSON.stringify(values)
}

export function usageResults(
  kind: UsageKind,
  facts: readonly UsageFact[],
  groupBy: readonly Dim[],
  filters: readonly DimFilter[],
) {
  const spec = KIND_SPECS[kind]
  const grouped = spec.groupBy.filter((d) => groupBy.includes(d))
  const groups = new Map<
    string,
    { dims: Partial<Record<Dim, DimValue>>; sums: Record<string, number> }
  >()
  for (const fact of facts) {
    if (fact.kind !== kind || !filters.every((f) => f.values.has(fact.dims[f.dim] ?? null)))
      continue
    const dims = Object.fromEntries(grouped.map((d) => [d, fact.dims[d] ?? null]))
    const key = groupKey(grouped.map((d) => dims[d] ?? null))
    const group = groups.get(key) ?? {
      dims,
      sums: Object.fromEntries(spec.stored.map((m) => [m, 0])),
    }
    for (const m of spec.stored) group.sums[m] = (group.sums[m] ?? 0) + (fact.metrics[m] ?? 0)
    groups.set(key, group)
  }
  return sortedValues(groups).map(({ dims, sums }) => ({
    object: `organization.usage.${kind}.result`,
    ...servedMetrics(kind, sums),
    ...Object.fromEntries(spec.groupBy.map((d) => [d, dims[d] ?? null])),
  }))
}

export interface CostFilters {
  projectIds?: ReadonlySet<string>
  apiKeyIds?: ReadonlySet<string>
}

interface CostGroup {
  dims: Record<CostDim, string | null>
  amount: bigint
  quantity: bigint
  scale: number
}

export function costResults(
  lines: readonly CostLine[],
  groupBy: readonly CostDim[],
  filters: CostFilters,
) {
  const groups = new Map<string, CostGroup>()
  for (const line of lines) {
    if (filters.projectIds && !filters.projectIds.has(line.projectId)) continue
    if (filters.apiKeyIds && (line.apiKeyId === null || !filters.apiKeyIds.has(line.apiKeyId)))
      continue
    const all = { project_id: line.projectId, line_item: line.lineItem, api_key_id: line.apiKeyId }
    const dims = Object.fromEntries(
      COST_DIMS.map((d) => [d, groupBy.includes(d) ? all[d] : null]),
    ) as CostGroup['dims']
    const key = groupKey(COST_DIMS.map((d) => dims[d]))
    const group = groups.get(key) ?? { dims, amount: 0n, quantity: 0n, scale: line.quantityScale }
    group.amount += line.amount
    group.quantity += BigInt(line.quantity)
    groups.set(key, group)
  }
  const byLineItem = groupBy.includes('line_item')
  return sortedValues(groups).map((g) => ({
    object: 'organization.costs.result',
    amount: { value: amountNumber(g.amount as Money), currency: 'usd' },
    line_item: g.dims.line_item,
    project_id: g.dims.project_id,
    api_key_id: g.dims.api_key_id,
    // Quantities only add up within one line item; ungrouped they would mix tokens and calls.
    quantity: byLineItem ? scaledNumber(g.quantity, g.scale) : null,
  }))
}

function sortedValues<T>(groups: Map<string, T>): T[] {
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v)
}
