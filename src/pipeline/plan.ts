// Plans the day window a resource reads this run. Incremental resources re-read their
// lookback (vendors revise recent days) and everything after their saved cursor, up to the
// last complete UTC day; an explicit --from/--to replaces the plan. The window is then cut
// into chunks of the API's size, and each chunk is one load (one commit, one cursor step),
// so a long backfill that dies keeps every chunk it finished.

import { addDays, chunkRange, maxDay, type Day, type DayRange } from '../core/days.js'
import type { IncrementalSpec } from '../sources/source.js'

export interface PlanInput {
  spec: IncrementalSpec
  /** Last day loaded and committed for this resource, if any. */
  cursor?: Day
  /** Yesterday UTC (the last complete day). */
  yesterday: Day
  /** Days the first run fetches when there is no cursor (config run.initialDays); defaults
   *  to the resource's own initialDays. */
  initialDays?: number
  from?: Day
  to?: Day
}

export interface ResourcePlan {
  window: DayRange
  chunks: DayRange[]
  /** Why this window: for progress output and the run record. */
  reason: 'override' | 'initial' | 'incremental'
}

/** Returns undefined when there is nothing to read (e.g. --to before the vendor's lag). */
export function planWindow(input: PlanInput): ResourcePlan | undefined {
  const { spec } = input
  const latest = addDays(input.yesterday, -(spec.lagDays ?? 0))
  const to = input.to ?? latest
  let from: Day
  let reason: ResourcePlan['reason']
  if (input.from) {
    from = input.from
    reason = 'override'
  } else if (input.cursor) {
    // Re-read the last `lookbackDays` loaded days plus everything newer.
    from = addDays(input.cursor, 1 - spec.lookbackDays)
    reason = input.to ? 'override' : 'incremental'
  } else {
    from = addDays(to, 1 - (input.initialDays ?? spec.initialDays))
    reason = input.to ? 'override' : 'initial'
  }
  if (from > to) return undefined
  const window = { from, to }
  return { window, chunks: chunkRange(window, spec.chunkDays), reason }
}

/** A cursor only moves forward: re-reading an old window never rewinds it. */
export function advanceCursor(current: Day | undefined, loadedTo: Day): Day {
  return current ? maxDay(current, loadedTo) : loadedTo
}
