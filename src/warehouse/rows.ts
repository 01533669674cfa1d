// Engine-neutral pieces both warehouse engines share: the plain row shape their query
// results are converted to, the load-request checks every load passes before anything is
// staged, and the mapping of bookkeeping rows back to records.

import { PipelineError } from '../core/errors.js'
import type { LoadRequest, ResourceState, RunRecord } from './warehouse.js'

/** A JSON-safe cell as both engines return it (DECIMAL as text, DATE as 'YYYY-MM-DD'). */
export type PlainValue =
  string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue }

export type PlainRow = Record<string, PlainValue>

export function textOf(value: PlainValue | undefined): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** Each table once, replace_window with a window that does not end before it starts, merge
 *  with a key: checked before anything is staged, on every engine. */
export function validateLoadRequest(request: LoadRequest): void {
  const fail = (table: string, why: string) =>
    new PipelineError('WAREHOUSE_LOAD', `Load into ${table} is invalid: ${why}.`, {
      context: { table, loadId: request.record.loadId },
    })
  const seen = new Set<string>()
  for (const t of request.tables) {
    if (seen.has(t.table)) throw fail(t.table, 'the table appears twice in one load')
    seen.add(t.table)
    if (t.disposition === 'replace_window' && !t.window)
      throw fail(t.table, 'replace_window needs a window')
    if (t.disposition === 'merge' && t.primaryKey.length === 0)
      throw fail(t.table, 'merge needs a primary key')
    if (t.window && t.window.from > t.window.to)
      throw fail(t.table, 'the window ends before it starts')
  }
}

export function toResourceState(r: PlainRow): ResourceState {
  return {
    vendor: textOf(r.vendor),
    resource: textOf(r.resource),
    cursor: typeof r.cursor_day === 'string' ? r.cursor_day : null,
    updatedAt: textOf(r.updated_at),
    lastLoadId: typeof r.last_load_id === 'string' ? r.last_load_id : null,
  }
}

export function toRunRecord(row: PlainRow): RunRecord {
  const run: RunRecord = {
    runId: textOf(row.run_id),
    trigger: textOf(row.trigger),
    startedAt: textOf(row.started_at),
    status: textOf(row.status) as RunRecord['status'],
  }
  if (typeof row.finished_at === 'string') run.finishedAt = row.finished_at
  if (typeof row.window_from === 'string' && typeof row.window_to === 'string') {
    run.window = { from: row.window_from, to: row.window_to }
  }
  if (typeof row.summary === 'string') run.summary = row.summary
  return run
}
