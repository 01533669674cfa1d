// The counter block and the `totals_by_*` breakdowns of the usage metrics reports, as group-bys
// over activity cells. Rows are sorted by their dimension values so payloads are byte-stable.
// `totals_by_language_*` rows carry no interaction count, as GitHub's schema has none there.

import type { ActivityCell, CliTotals } from './activity.js'

export interface Counters {
  user_initiated_interaction_count?: number
  code_generation_activity_count: number
  code_acceptance_activity_count: number
  loc_suggested_to_add_sum: number
  loc_suggested_to_delete_sum: number
  loc_added_sum: number
  loc_deleted_sum: number
}

export function sumCounters(cells: readonly ActivityCell[], withInteractions = true): Counters {
  const out: Counters = {
    ...(withInteractions ? { user_initiated_interaction_count: 0 } : {}),
    code_generation_activity_count: 0,
    code_acceptance_activity_count: 0,
    loc_suggested_to_add_sum: 0,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: 0,
    loc_deleted_sum: 0,
  }
  for (const c of cells) {
    if (out.user_initiated_interaction_count !== undefined)
      out.user_initiated_interaction_count += c.interactions
    out.code_generation_activity_count += c.generations
    out.code_acceptance_activity_count += c.acceptances
    out.loc_suggested_to_add_sum += c.locSuggestedAdd
    out.loc_suggested_to_delete_sum += c.locSuggestedDelete
    out.loc_added_sum += c.locAdded
    out.loc_deleted_sum += c.locDeleted
  }
  return out
}

type Dims = Record<string, string>
export type TotalsRow = Record<string, string | number>

/** Groups cells by the dimensions `dimsOf` names and sums each group's counters. */
export function groupCells(
  cells: readonly ActivityCell[],
  dimsOf: (c: ActivityCell) => Dims,
  withInteractions = true,
): TotalsRow[] {
  const groups = new Map<string, { dims: Dims; cells: ActivityCell[] }>()
  for (const c of cells) {
    const dims = dimsOf(c)
    const key = Object.values(dims).join('\u0000')
    const group = groups.get(key) ?? { dims, cells: [] }
    group.cells.push(c)
    groups.set(key, group)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]): TotalsRow => ({ ...g.dims, ...sumCounters(g.cells, withInteractions) }))
}

/** The five breakdowns every report row carries (IDE rows may be decorated by the caller). */
export function breakdowns(cells: readonly ActivityCell[]) {
  return {
    totals_by_ide: groupCells(cells, (c) => ({ ide: c.ide })),
    totals_by_feature: groupCells(cells, (c) => ({ feature: c.feature })),
    totals_by_language_feature: groupCells(
      cells,
      (c) => ({ language: c.language, feature: c.feature }),
      false,
    ),
    totals_by_language_model: groupCells(
      cells,
      (c) => ({ language: c.language, model: c.model }),
      false,
    ),
    totals_by_model_feature: groupCells(cells, (c) => ({ model: c.model, feature: c.feature })),
  }
}

/** `totals_by_cli`; the average is (prompt + output tokens) / requests, as GitHub's example shows. */
export function cliBlock(clis: readonly CliTotals[]) {
  const sum = (pick: (c: CliTotals) => number) => clis.reduce((s, c) => s + pick(c), 0)
  const requests = sum((c) => c.requests)
  const prompt = sum((c) => c.promptTokens)
  const output = sum((c) => c.outputTokens)
  return {
    session_count: sum((c) => c.sessions),
    request_count: requests,
    prompt_count: sum((c) => c.prompts),
    token_usage: {
      prompt_tokens_sum: prompt,
      output_tokens_sum: output,
      avg_tokens_per_request:
        requests === 0 ? 0 : Math.round(((prompt + output) / requests) * 10) / 10,
    },
  }
}
