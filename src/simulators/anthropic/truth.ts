// Ground truth for tests and the demo, read from the same per-day data the HTTP API serves
// (data.ts), at the simulator's current `now`: truth = what a complete read returns right now.
// Money is exact bigint nano-dollars; token counts are plain integers.

import { daysIn, type Day } from '../../core/days.js'
import { mapDays } from '../shared/days.js'
import { cents, sum, ZERO, type Money } from '../../core/money.js'
import type { ClaudeCodeRecord } from './claude-code.js'
import type { CostLine } from './cost-lines.js'
import type { AnthropicData } from './data.js'
import type { TokenCounts } from './generate.js'
import type { AnthropicOrg, SyntheticPerson } from './org.js'

export interface AnthropicTruth {
  readonly org: AnthropicOrg
  /** The org's people (same as `syntheticPeople(seed)`). */
  readonly people: readonly SyntheticPerson[]
  /** The finest cost grain of a day (workspace × description × token type). */
  costLines(day: Day): readonly CostLine[]
  /** Every day in [from, to], zeros included. */
  costByDay(from: Day, to: Day): Map<Day, Money>
  costTotal(from: Day, to: Day): Money
  /** Token lines under their model id; web search and code execution under their cost_type. */
  costByModel(from: Day, to: Day): Map<string, Money>
  /** null = Default workspace. */
  costByWorkspace(from: Day, to: Day): Map<string | null, Money>
  tokensByDay(from: Day, to: Day): Map<Day, TokenCounts>
  /** How many Claude Code records the API serves for `day` now. */
  claudeCodeRecords(day: Day): number
  /** The records themselves, as served. */
  claudeCodeRecordList(day: Day): readonly ClaudeCodeRecord[]
  /** Sum of the records' estimated_cost (a subset of the Claude Code workspace's billed cost). */
  claudeCodeEstimatedCost(day: Day): Money
}

export function createAnthropicTruth(data: AnthropicData, now: () => Date): AnthropicTruth {
  const nowMs = () => now().getTime()
  const linesIn = (from: Day, to: Day) =>
    daysIn({ from, to }).flatMap((d) => data.costLinesAt(d, nowMs()))
  const sumBy = <K>(from: Day, to: Day, keyOf: (line: CostLine) => K) => {
    const totals = new Map<K, Money>()
    for (const line of linesIn(from, to))
      totals.set(keyOf(line), sum([totals.get(keyOf(line)) ?? ZERO, line.amount]))
    return totals
  }
  const claudeCodeRecords = (day: Day) => data.claudeCodeAt(day, nowMs())
  return {
    org: data.org,
    people: data.org.people,
    costLines: (day) => data.costLinesAt(day, nowMs()),
    costByDay: (from, to) =>
      mapDays(from, to, (d) => sum(data.costLinesAt(d, nowMs()).map((l) => l.amount))),
    costTotal: (from, to) => sum(linesIn(from, to).map((l) => l.amount)),
    costByModel: (from, to) => sumBy(from, to, (l) => l.model ?? l.costType),
    costByWorkspace: (from, to) => sumBy(from, to, (l) => l.workspaceId),
    tokensByDay: (from, to) => mapDays(from, to, (d) => dayTokens(data, d, nowMs())),
    claudeCodeRecords: (day) => claudeCodeRecords(day).length,
    claudeCodeRecordList: claudeCodeRecords,
    claudeCodeEstimatedCost: (day) =>
      sum(
        claudeCodeRecords(day).flatMap((r) =>
          r.model_breakdown.map((m) => cents(m.estimated_cost.amount)),
        ),
      ),
  }
}

function dayTokens(data: AnthropicData, day: Day, nowMs: number): TokenCounts {
  const total = {
    uncachedInput: 0,
    cacheRead: 0,
    cacheCreation5m: 0,
    cacheCreation1h: 0,
    output: 0,
    webSearchRequests: 0,
  }
  for (const fact of data.factsAt(day, nowMs).usage) {
    for (const field of Object.keys(total) as (keyof TokenCounts)[])
      total[field] += fact.tokens[field]
  }
  return total
}
