// Recent days are still growing: the API serves a day D partially until now ≥ D + 2 days.
// 95% of a day's usage arrives during the day itself and the last 5% (late revisions) during
// the next day. Every count is scaled down with integer floors, so the partial value is a
// deterministic, monotone function of `now` and never exceeds the final one.

import { startOfDayMs, type Day } from '../../core/days.js'
import { DAY_MS } from '../shared/days.js'
import {
  EMPTY_DAY,
  hasTokens,
  type DayFacts,
  type TokenCounts,
  type UsageFact,
} from './generate.js'

export const PPM = 1_000_000
const DURING_DAY_PPM = 950_000

/** How much of day `day` has arrived at `nowMs`, in parts per million (0 … 1,000,000). */
export function completionPpm(day: Day, nowMs: number): number {
  const elapsed = nowMs - startOfDayMs(day)
  if (elapsed <= 0) return 0
  if (elapsed >= 2 * DAY_MS) return PPM
  if (elapsed < DAY_MS) return Math.floor((DURING_DAY_PPM * elapsed) / DAY_MS)
  return DURING_DAY_PPM + Math.floor(((PPM - DURING_DAY_PPM) * (elapsed - DAY_MS)) / DAY_MS)
}

/** floor(n × ppm / 1e6); n × ppm stays below 2^53 for any realistic daily count. */
export function scaleCount(n: number, ppm: number): number {
  return Math.floor((n * ppm) / PPM)
}

export function scaleTokens(tokens: TokenCounts, ppm: number): TokenCounts {
  return {
    uncachedInput: scaleCount(tokens.uncachedInput, ppm),
    cacheRead: scaleCount(tokens.cacheRead, ppm),
    cacheCreation5m: scaleCount(tokens.cacheCreation5m, ppm),
    cacheCreation1h: scaleCount(tokens.cacheCreation1h, ppm),
    output: scaleCount(tokens.output, ppm),
    webSearchRequests: scaleCount(tokens.webSearchRequests, ppm),
  }
}

/** The facts as they stand when `ppm` of the day has arrived (facts left empty are dropped). */
export function scaleFacts(facts: DayFacts, ppm: number): DayFacts {
  if (ppm >= PPM) return facts
  if (ppm <= 0) return EMPTY_DAY
  const usage: UsageFact[] = facts.usage
    .map((fact) => ({ ...fact, tokens: scaleTokens(fact.tokens, ppm) }))
    .filter((fact) => hasTokens(fact.tokens))
  const codeExecution = facts.codeExecution
    .map((fact) => ({ ...fact, tenthHours: scaleCount(fact.tenthHours, ppm) }))
    .filter((fact) => fact.tenthHours > 0)
  return { usage, codeExecution }
}
