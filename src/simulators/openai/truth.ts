// Ground truth for tests and the demo, read from the same data store the HTTP API serves, at the
// simulator's current `now` (truth = what a full read right now returns). Ranges are inclusive
// UTC days; money is exact bigint nano-dollars, counts are plain numbers.

import { daysIn, type Day } from '../../core/days.js'
import { mapDays } from '../shared/days.js'
import { sum, type Money } from '../../core/money.js'
import type { OpenaiData } from './data.js'
import { KIND_SPECS, servedMetrics, type UsageKind } from './kinds.js'
import type { OpenaiOrg } from './org.js'

export interface TokenTotals {
  /** Includes cached tokens, as `input_tokens` does. */
  input: number
  output: number
  cached: number
  requests: number
}

export interface OpenaiTruth {
  readonly org: OpenaiOrg
  /** Every day in [from, to], zero where nothing was spent. */
  costByDay(from: Day, to: Day): Map<Day, Money>
  /** Per day, the projects that spent anything that day. */
  costByDayAndProject(from: Day, to: Day): Map<Day, Map<string, Money>>
  costByLineItem(from: Day, to: Day): Map<string, Money>
  costTotal(from: Day, to: Day): Money
  /** Completions tokens by model snapshot (the `model` the API reports). */
  tokensByModel(from: Day, to: Day): Map<string, TokenTotals>
  /** The sum of an endpoint's main metric (see README); vector_stores sums daily usage_bytes. */
  usageCount(kind: UsageKind, from: Day, to: Day): number
  /** Every served metric of an endpoint, summed over daily buckets. */
  usageTotals(kind: UsageKind, from: Day, to: Day): Record<string, number>
}

export function createOpenaiTruth(data: OpenaiData, now: () => Date): OpenaiTruth {
  const lines = (day: Day) => data.costLines(day, now().getTime())
  const facts = (from: Day, to: Day, kind: UsageKind) =>
    daysIn({ from, to }).flatMap((day) =>
      data.dayFacts(day, now().getTime()).filter((f) => f.kind === kind),
    )
  const usageTotals = (kind: UsageKind, from: Day, to: Day) => {
    const sums = Object.fromEntries(KIND_SPECS[kind].stored.map((m) => [m, 0]))
    for (const fact of facts(from, to, kind))
      for (const m of Object.keys(sums)) sums[m] = (sums[m] ?? 0) + (fact.metrics[m] ?? 0)
    return servedMetrics(kind, sums)
  }
  return {
    org: data.org,
    costByDay: (from, to) => mapDays(from, to, (day) => sum(lines(day).map((l) => l.amount))),
    costByDayAndProject: (from, to) =>
      mapDays(from, to, (day) =>
        sumBy(
          lines(day),
          (l) => l.projectId,
          (l) => l.amount,
        ),
      ),
    costByLineItem: (from, to) =>
      sumBy(
        daysIn({ from, to }).flatMap(lines),
        (l) => l.lineItem,
        (l) => l.amount,
      ),
    costTotal: (from, to) =>
      sum(daysIn({ from, to }).flatMap((day) => lines(day).map((l) => l.amount))),
    tokensByModel: (from, to) => tokensByModel(facts(from, to, 'completions')),
    usageCount: (kind, from, to) => usageTotals(kind, from, to)[KIND_SPECS[kind].main] ?? 0,
    usageTotals,
  }
}

function sumBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  amount: (item: T) => Money,
): Map<string, Money> {
  const totals = new Map<string, Money>()
  for (const item of items)
    totals.set(key(item), ((totals.get(key(item)) ?? 0n) + amount(item)) as Money)
  return totals
}

function tokensByModel(facts: ReturnType<OpenaiData['dayFacts']>): Map<string, TokenTotals> {
  const totals = new Map<string, TokenTotals>()
  for (const { dims, metrics } of facts) {
    const model = String(dims.model)
    const t = totals.get(model) ?? { input: 0, output: 0, cached: 0, requests: 0 }
    const cached = metrics.input_cached_tokens ?? 0
    t.input += (metrics.input_uncached_tokens ?? 0) + cached
    t.cached += cached
    t.output += metrics.output_tokens ?? 0
    t.requests += metrics.num_model_requests ?? 0
    totals.set(model, t)
  }
  return totals
}
