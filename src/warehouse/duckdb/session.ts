// Thin helpers over a DuckDB connection: every statement goes through the error choke point
// (callDuckdb) and results come back as plain rows. Parameters are named (`$name`) and bound
// by the driver, so no value is ever spliced into SQL text.

import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import { callDuckdb, type DuckdbCallContext } from './errors.js'
import { toPlainRows, type PlainValue } from './results.js'

export type Params = Record<string, DuckDBValue>
export type PlainRow = Record<string, PlainValue>

/** Runs one statement; returns the number of rows it changed. */
export function execSql(
  conn: DuckDBConnection,
  context: DuckdbCallContext,
  sql: string,
  params?: Params,
): Promise<number> {
  return callDuckdb(context, async () => (await conn.run(sql, params)).rowsChanged)
}

/** Runs one query and reads every row as a plain object. */
export function selectSql(
  conn: DuckDBConnection,
  context: DuckdbCallContext,
  sql: string,
  params?: Params,
): Promise<PlainRow[]> {
  return callDuckdb(context, async () => toPlainRows(await conn.runAndReadAll(sql, params)))
}
