// The shape checks every load request passes before anything is staged: each table once,
// replace_window with a window that does not end before it starts, merge with a key.

import { PipelineError } from '../../core/errors.js'
import type { LoadRequest } from '../warehouse.js'

export function validateRequest(request: LoadRequest): void {
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
