// The one place both the HTTP API and the truth API get their numbers from: per-day facts,
// cost lines and Claude Code records as they stand at a given `now`. Final days are generated
// once and memoized; a growing day is memoized per completion level, so paging through a report
// never regenerates the world.

import type { Day } from '../../core/days.js'
import { createMemo } from '../shared/memo.js'
import { buildClaudeCodeRecords, type ClaudeCodeRecord } from './claude-code.js'
import { computeCostLines, type CostLine } from './cost-lines.js'
import { generateDayFacts, type DayFacts } from './generate.js'
import { completionPpm, PPM, scaleFacts } from './growth.js'
import type { AnthropicOrg } from './org.js'

/** Claude Code analytics only serves data older than an hour. */
export const CLAUDE_CODE_DELAY_MS = 3_600_000
const PARTIAL_MEMO_LIMIT = 512

export interface AnthropicData {
  readonly org: AnthropicOrg
  /** Usage facts of `day` as the API reports them at `nowMs`. */
  factsAt(day: Day, nowMs: number): DayFacts
  costLinesAt(day: Day, nowMs: number): readonly CostLine[]
  claudeCodeAt(day: Day, nowMs: number): readonly ClaudeCodeRecord[]
}

export function createAnthropicData(org: AnthropicOrg): AnthropicData {
  const final = createMemo()
  const partial = createMemo(PARTIAL_MEMO_LIMIT)
  const memo = <T>(kind: string, day: Day, ppm: number, make: () => T): T =>
    ppm >= PPM ? final(`${kind}:${day}`, make) : partial(`${kind}:${day}:${ppm}`, make)
  const finalFacts = (day: Day) => memo('facts', day, PPM, () => generateDayFacts(org, day))
  const factsAtPpm = (day: Day, ppm: number) =>
    memo('facts', day, ppm, () => scaleFacts(finalFacts(day), ppm))
  return {
    org,
    factsAt: (day, nowMs) => factsAtPpm(day, completionPpm(day, nowMs)),
    costLinesAt: (day, nowMs) => {
      const ppm = completionPpm(day, nowMs)
      return memo('cost', day, ppm, () => computeCostLines(factsAtPpm(day, ppm)))
    },
    claudeCodeAt: (day, nowMs) => {
      const ppm = completionPpm(day, nowMs - CLAUDE_CODE_DELAY_MS)
      return memo('claude-code', day, ppm, () =>
        buildClaudeCodeRecords(org, day, factsAtPpm(day, ppm).usage),
      )
    },
  }
}
