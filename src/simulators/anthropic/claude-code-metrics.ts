// Productivity metrics of a Claude Code record, derived from its output tokens with rates drawn
// once per record, so a growing day's counts only go up. Tool names form an open-ended map in
// the real API; we emit the four documented ones.

import type { Random } from '../shared/random.js'

export interface CoreMetrics {
  num_sessions: number
  lines_of_code: { added: number; removed: number }
  commits_by_claude_code: number
  pull_requests_by_claude_code: number
}

export type ToolActions = Record<string, { accepted: number; rejected: number }>

const TOOLS = ['edit_tool', 'multi_edit_tool', 'write_tool', 'notebook_edit_tool'] as const
/** Output tokens per tool use, per tool (notebooks are rare). */
const TOKENS_PER_ACTION: Record<(typeof TOOLS)[number], number> = {
  edit_tool: 4_000,
  multi_edit_tool: 12_000,
  write_tool: 15_000,
  notebook_edit_tool: 120_000,
}

export function buildMetrics(
  rng: Random,
  outputTokens: number,
): { core_metrics: CoreMetrics; tool_actions: ToolActions } {
  const tokensPerSession = rng.int(15_000, 40_000)
  const added = Math.floor(outputTokens * (0.002 + rng.next() * 0.004))
  const removed = Math.floor(added * (0.2 + rng.next() * 0.3))
  const commits = Math.floor(added / rng.int(120, 250))
  const rejectRate = 0.05 + rng.next() * 0.12
  const tool_actions: ToolActions = {}
  for (const tool of TOOLS) {
    const uses = Math.floor(outputTokens / (TOKENS_PER_ACTION[tool] * (0.7 + rng.next() * 0.6)))
    const rejected = Math.floor(uses * rejectRate)
    tool_actions[tool] = { accepted: uses - rejected, rejected }
  }
  return {
    core_metrics: {
      num_sessions: 1 + Math.floor(outputTokens / tokensPerSession),
      lines_of_code: { added, removed },
      commits_by_claude_code: commits,
      pull_requests_by_claude_code: Math.floor(commits / rng.int(3, 6)),
    },
    tool_actions,
  }
}
