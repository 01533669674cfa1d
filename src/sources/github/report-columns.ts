// Typed columns shared by the report tables: the seven code-activity counters every level
// carries, the CLI block, and the pull-request figures of the daily aggregate. A counter the
// payload leaves out is NULL ("not reported"), never 0, so a schema change shows as a gap.

import { dollarsFromNumber, toDecimalString } from '../../core/money.js'
import { rawJson, type Cell } from '../../core/records.js'
import type { z } from 'zod'
import type { cliSchema } from './payloads.js'

type Counters = Partial<Record<(typeof COUNTERS)[number], number | null>>

const COUNTERS = [
  'user_initiated_interaction_count',
  'code_generation_activity_count',
  'code_acceptance_activity_count',
  'loc_suggested_to_add_sum',
  'loc_suggested_to_delete_sum',
  'loc_added_sum',
  'loc_deleted_sum',
] as const

export function counterColumns(source: Counters): Record<string, Cell> {
  return Object.fromEntries(COUNTERS.map((name) => [name, source[name] ?? null]))
}

/** `totals_by_cli` flattened; absent (the user did not use the CLI) gives NULLs. */
export function cliColumns(cli: z.infer<typeof cliSchema>): Record<string, Cell> {
  return {
    cli_session_count: cli?.session_count ?? null,
    cli_request_count: cli?.request_count ?? null,
    cli_prompt_count: cli?.prompt_count ?? null,
    cli_prompt_tokens: cli?.token_usage?.prompt_tokens_sum ?? null,
    cli_output_tokens: cli?.token_usage?.output_tokens_sum ?? null,
  }
}

const PR_COUNTS = [
  'total_created',
  'total_reviewed',
  'total_merged',
  'total_created_by_copilot',
  'total_reviewed_by_copilot',
  'total_merged_created_by_copilot',
] as const

/** The headline pull-request counts as `pr_*` columns, plus the whole block as JSON. */
export function pullRequestColumns(
  prs: Record<string, unknown> | null | undefined,
): Record<string, Cell> {
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null)
  const median = prs?.median_minutes_to_merge
  return {
    ...Object.fromEntries(PR_COUNTS.map((name) => [`pr_${name}`, int(prs?.[name])])),
    // Read through the number's shortest text (as money is), so 175.5 stays exactly 175.5.
    pr_median_minutes_to_merge:
      typeof median === 'number' && Number.isFinite(median)
        ? toDecimalString(dollarsFromNumber(median))
        : null,
    pull_requests_json: prs == null ? null : rawJson(prs),
  }
}
