// One load = one DuckDB transaction: stage every table's rows in a temp table through the
// appender, check them, apply them by write disposition, write the cursor and the load record,
// run the beforeCommit hook, COMMIT. Anything that throws rolls the whole unit back, so a crash
// or error leaves the previous committed state: no partial rows, no cursor move, no record.

import { timestampValue, type DuckDBConnection } from '@duckdb/node-api'
import type { Clock } from '../../core/clock.js'
import { validateLoadRequest } from '../rows.js'
import type { LoadRequest, LoadResult, TableLoad } from '../warehouse.js'
import { insertLoadRecord, upsertState } from './bookkeeping.js'
import { callDuckdb, classifyDuckdbError } from './errors.js'
import { execSql } from './session.js'
import { checkStaged, stageRows, type LoadStamp } from './staging.js'
import { dispositionSql, dropStagingSql } from './dialect.js'

export interface LoadDeps {
  clock: Clock
  beforeCommit?: (request: LoadRequest) => void | Promise<void>
}

/** Runs the whole load in one transaction on `conn` (the caller serializes writers). */
export async function runLoad(
  conn: DuckDBConnection,
  request: LoadRequest,
  deps: LoadDeps,
): Promise<LoadResult> {
  validateLoadRequest(request)
  const loadId = request.record.loadId
  const now = deps.clock.now()
  const loadedAt = timestampValue(BigInt(now.getTime()) * 1000n)
  await execSql(conn, { op: 'load', loadId }, 'BEGIN TRANSACTION')
  try {
    const result: LoadResult = { rowsWritten: {}, tableModifications: 0 }
    for (const table of request.tables) {
      const written = await loadTable(conn, table, { loadId, loadedAt })
      result.rowsWritten[table.table] = (result.rowsWritten[table.table] ?? 0) + written
      if (written > 0 || table.disposition === 'replace_window') result.tableModifications += 1
    }
    if (request.cursor !== undefined)
      await upsertState(conn, request.record, request.cursor, now.toISOString())
    await insertLoadRecord(conn, request.record)
    await deps.beforeCommit?.(request)
    await execSql(conn, { op: 'load', loadId }, 'COMMIT')
    return result
  } catch (error) {
    await rollbackQuietly(conn)
    throw classifyDuckdbError(error, { op: 'load', loadId })
  }
}

async function loadTable(conn: DuckDBConnection, load: TableLoad, stamp: LoadStamp) {
  const staged = await stageRows(conn, load, stamp)
  await checkStaged(conn, load, stamp.loadId)
  const context = { op: 'load' as const, table: load.table, loadId: stamp.loadId }
  const params = load.window ? { from: load.window.from, to: load.window.to } : undefined
  for (const sql of dispositionSql(load, staged.columns)) {
    await execSql(conn, context, sql, sql.includes('$from') ? params : undefined)
  }
  await execSql(conn, context, dropStagingSql(load.table))
  return staged.rows
}

async function rollbackQuietly(conn: DuckDBConnection): Promise<void> {
  // A failed ROLLBACK (e.g. no transaction left after a fatal error) must not hide the cause.
  await callDuckdb({ op: 'load' }, () => conn.run('ROLLBACK')).catch(() => undefined)
}
