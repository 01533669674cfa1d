// Exact allocation of vendor cost lines that have no person on them: each line's cost is split
// among identities by integer weights with core/money.ts `allocate()` (largest remainder), so
// the parts of a line sum back to it to the nano-dollar — never a SQL float. Weights are sorted
// by identity before splitting, so the nano-dollar a tie hands out goes to the same identity
// whatever order the warehouse returned the rows in (a re-run writes identical rows).

import type { Day } from '../core/days.js'
import { allocate, type Money } from '../core/money.js'

/** One vendor cost line to split (the `allocation_lines` view). */
export interface AllocationLine {
  usageDate: Day
  provider: string
  /** Unique within (usageDate, provider). */
  lineId: string
  service: string
  tool: string
  accountId: string | null
  model: string | null
  sku: string | null
  sourceBasis: string
  cost: Money
}

/** One identity's share of one line (the `allocation_weights` view, best level only). */
export interface AllocationWeight {
  usageDate: Day
  provider: string
  lineId: string
  identityType: string
  identity: string
  method: string
  /** Non-negative integer weight (token count, or nano-dollars of an estimate). */
  weight: bigint
}

/** An identity's exact part, summed over the lines of the same day and grouping. */
export interface AllocatedPart {
  usageDate: Day
  provider: string
  service: string
  tool: string
  accountId: string | null
  model: string | null
  sku: string | null
  identityType: string
  identity: string
  method: string
  sourceBasis: string
  cost: Money
}

/** Identity a line with no weight at all is parked on: its account, so nothing is lost. */
export const UNATTRIBUTED = { identityType: 'account', method: 'unattributed' } as const

/**
 * Splits every line by its weights and sums the parts per (day, grouping, identity).
 * A line without weights goes whole to its account as `unattributed`; zero parts are dropped.
 */
export function allocateLines(
  lines: readonly AllocationLine[],
  weights: readonly AllocationWeight[],
): AllocatedPart[] {
  const byLine = groupWeights(weights)
  const parts = new Map<string, AllocatedPart>()
  for (const line of lines) {
    for (const part of splitLine(line, byLine.get(lineRef(line)) ?? [])) {
      if (part.cost === 0n) continue
      const key = partKey(part)
      const seen = parts.get(key)
      if (seen) seen.cost = (seen.cost + part.cost) as Money
      else parts.set(key, part)
    }
  }
  return [...parts.values()]
}

function splitLine(line: AllocationLine, weights: readonly AllocationWeight[]): AllocatedPart[] {
  const base = {
    usageDate: line.usageDate,
    provider: line.provider,
    service: line.service,
    tool: line.tool,
    accountId: line.accountId,
    model: line.model,
    sku: line.sku,
    sourceBasis: line.sourceBasis,
  }
  if (weights.length === 0 || weights.every((w) => w.weight === 0n)) {
    const identity = line.accountId ?? 'unknown'
    return [{ ...base, ...UNATTRIBUTED, identity, cost: line.cost }]
  }
  const amounts = allocate(
    line.cost,
    weights.map((w) => w.weight),
  )
  return weights.map((w, i) => ({
    ...base,
    identityType: w.identityType,
    identity: w.identity,
    method: w.method,
    cost: amounts[i] ?? (0n as Money),
  }))
}

function groupWeights(weights: readonly AllocationWeight[]): Map<string, AllocationWeight[]> {
  const byLine = new Map<string, AllocationWeight[]>()
  for (const w of weights) {
    if (w.weight < 0n) throw new RangeError(`negative allocation weight for ${w.identity}`)
    const list = byLine.get(lineRef(w)) ?? []
    list.push(w)
    byLine.set(lineRef(w), list)
  }
  for (const list of byLine.values()) list.sort(compareWeights)
  return byLine
}

function compareWeights(a: AllocationWeight, b: AllocationWeight): number {
  const ka = `${a.identityType}\u0000${a.identity}\u0000${a.method}`
  const kb = `${b.identityType}\u0000${b.identity}\u0000${b.method}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

function lineRef(x: { usageDate: Day; provider: string; lineId: string }): string {
  return JSON.stringify([x.usageDate, x.provider, x.lineId])
}

function partKey(p: AllocatedPart): string {
  return JSON.stringify([
    p.usageDate,
    p.provider,
    p.service,
    p.tool,
    p.accountId,
    p.model,
    p.sku,
    p.identityType,
    p.identity,
    p.method,
    p.sourceBasis,
  ])
}
