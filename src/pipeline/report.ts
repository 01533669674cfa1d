// What a run reports: one outcome per resource. A failed resource does not undo the others;
// the run's status says whether all, some or none succeeded (CLI exit code 3 for partial).

import type { DayRange } from '../core/days.js'

export type ResourceStatus = 'succeeded' | 'failed' | 'skipped'

export interface ResourceOutcome {
  vendor: string
  resource: string
  status: ResourceStatus
  window?: DayRange
  /** Chunks committed (each one load). */
  loads: number
  pages: number
  rows: number
  retries: number
  durationMs: number
  /** Cursor after the run. */
  cursor?: string
  error?: { code: string; message: string; day?: string }
  /** Why a resource was skipped (e.g. nothing to read). */
  note?: string
}

export type RunStatus = 'succeeded' | 'partial' | 'failed'

export interface RunReport {
  runId: string
  trigger: string
  status: RunStatus
  startedAt: string
  finishedAt: string
  durationMs: number
  resources: ResourceOutcome[]
}

export function runStatusOf(outcomes: readonly ResourceOutcome[]): RunStatus {
  const failed = outcomes.filter((o) => o.status === 'failed').length
  if (failed === 0) return 'succeeded'
  return failed === outcomes.length ? 'failed' : 'partial'
}

/** Progress events the CLI renders on a terminal (the logger gets the same facts). */
export type ProgressEvent =
  | {
      type: 'resource.started'
      vendor: string
      resource: string
      window?: DayRange
      chunks: number
    }
  | {
      type: 'chunk.committed'
      vendor: string
      resource: string
      window?: DayRange
      rows: number
      done: number
      of: number
    }
  | { type: 'resource.finished'; outcome: ResourceOutcome }
