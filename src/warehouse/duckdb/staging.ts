// Staging: a temp table shaped like the target (same columns and types, no constraints) is
// filled through DuckDB's appender — rows stream in as typed values, no SQL text per row —
// then checked before anything touches the target: duplicate primary keys inside the batch
// and, for replace_window, rows outside the window (they would survive the next replace).

import type { DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import type { TableLoad } from '../warehouse.js'
import { cellWriter, type CellWriter } from './cells.js'
import { callDuckdb } from './errors.js'
import { textOf } from './results.js'
import { execSql, selectSql } from './session.js'
import {
  COLUMNS_SQL,
  createStagingSql,
  duplicateKeySql,
  outsideWindowSql,
  stagingName,
  toColumnInfo,
  type ColumnInfo,
} from './dialect.js'

export interface LoadStamp {
  loadId: string
  loadedAt: DuckDBTimestampValue
}

export interface StagedTable {
  columns: string[]
  rows: number
}

/** The target's columns in table order; WAREHOUSE_LOAD when the table does not exist. */
export async function tableColumns(conn: DuckDBConnection, table: string): Promise<ColumnInfo[]> {
  const rows = await selectSql(conn, { op: 'load', table }, COLUMNS_SQL, { table })
  if (rows.length === 0) {
    throw new PipelineError(
      'WAREHOUSE_LOAD',
      `Table ${table} does not exist. Run \`ai-usage migrate\`.`,
      {
        context: { table },
      },
    )
  }
  return rows.map((r) => toColumnInfo(textOf(r.column_name), textOf(r.data_type)))
}

/** Creates the staging table and appends every row, converted to the target's types. */
export async function stageRows(
  conn: DuckDBConnection,
  load: TableLoad,
  stamp: LoadStamp,
): Promise<StagedTable> {
  const columns = await tableColumns(conn, load.table)
  checkRowKeys(load, new Set(columns.map((c) => c.name)), stamp.loadId)
  const context = { op: 'load' as const, table: load.table, loadId: stamp.loadId }
  await execSql(conn, context, createStagingSql(load.table))
  const writers = columns.map((c) => stampedWriter(c, load.table, stamp))
  const names = columns.map((c) => c.name)
  await callDuckdb(context, async () => {
    const appender = await conn.createAppender(stagingName(load.table), 'main', 'temp')
    let failed = true
    try {
      for (const row of load.rows) {
        for (let i = 0; i < writers.length; i++) writers[i]!(appender, row[names[i]!] ?? null)
        appender.endRow()
      }
      appender.flushSync()
      failed = false
    } finally {
      // Closing after a failure may complain about the half-appended row; the first error wins
      // (the transaction rolls the staging table back anyway).
      try {
        appender.closeSync()
      } catch (error) {
        if (!failed) throw error
      }
    }
  })
  return { columns: names, rows: load.rows.length }
}

function stampedWriter(column: ColumnInfo, table: string, stamp: LoadStamp): CellWriter {
  if (column.name === '_load_id') return (a) => a.appendVarchar(stamp.loadId)
  if (column.name === '_loaded_at') return (a) => a.appendTimestamp(stamp.loadedAt)
  return cellWriter(column, table)
}

/** A row key the target does not have is a normalizer bug: fail loudly, naming the column. */
function checkRowKeys(load: TableLoad, known: Set<string>, loadId: string): void {
  const seen = new Set<string>()
  for (const row of load.rows) {
    for (const key in row) {
      if (seen.has(key)) continue
      if (!known.has(key)) {
        throw new PipelineError('WAREHOUSE_LOAD', `Table ${load.table} has no column ${key}.`, {
          context: { table: load.table, field: key, loadId },
        })
      }
      seen.add(key)
    }
  }
  for (const key of load.primaryKey) {
    if (!known.has(key)) {
      throw new PipelineError(
        'WAREHOUSE_LOAD',
        `Primary key column ${key} is not in ${load.table}.`,
        {
          context: { table: load.table, field: key, loadId },
        },
      )
    }
  }
}

/** Rejects duplicate keys in the batch and, for replace_window, rows outside the window. */
export async function checkStaged(conn: DuckDBConnection, load: TableLoad, loadId: string) {
  const context = { op: 'load' as const, table: load.table, loadId }
  if (load.primaryKey.length > 0) {
    const dup = await selectSql(conn, context, duplicateKeySql(load.table, load.primaryKey))
    if (dup.length > 0) {
      const key = load.primaryKey.join(', ')
      throw new PipelineError(
        'WAREHOUSE_LOAD',
        `Two rows for ${load.table} share a primary key (${key}) in one load. Deduplicate them in the normalizer.`,
        { context: { table: load.table, loadId, primaryKey: key } },
      )
    }
  }
  if (load.disposition === 'replace_window' && load.window) {
    const { column, from, to } = load.window
    const [row] = await selectSql(conn, context, outsideWindowSql(load.table, column), { from, to })
    if (Number(row?.n ?? 0) > 0) {
      throw new PipelineError(
        'WAREHOUSE_LOAD',
        `${textOf(row?.n)} rows for ${load.table} have ${column} outside the load window; ` +
          'a replace_window load may only carry rows of its window.',
        { context: { table: load.table, loadId, field: column } },
      )
    }
  }
}
