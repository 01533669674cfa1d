// DuckDB SQL for the warehouse: identifier quoting, column type parsing, capabilities and the
// statements each write disposition runs against a staging table. DuckDB has no MERGE we rely
// on, so `merge` is DELETE-matching-keys + INSERT inside the load's transaction; keys match
// null-safely (IS NOT DISTINCT FROM) so a NULL key part still replaces its old row.

import type { Capabilities, TableLoad } from '../warehouse.js'

export const DUCKDB_CAPABILITIES: Capabilities = Object.freeze({
  dialect: 'duckdb',
  supportsTransactions: true,
  supportsTransactionalDdl: true,
  supportsMerge: false,
  // The appender streams rows, so this only bounds memory per load call, not SQL size.
  maxRowsPerInsert: 1_000_000,
})

export type ColumnKind =
  | 'decimal'
  | 'date'
  | 'timestamp'
  | 'json'
  | 'bigint'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'varchar'
  | 'other'

export interface ColumnInfo {
  name: string
  kind: ColumnKind
  /** The DuckDB type as declared, e.g. 'DECIMAL(38,9)'. */
  type: string
  width?: number
  scale?: number
}

const KINDS: [RegExp, ColumnKind][] = [
  [/^DECIMAL\(/, 'decimal'],
  [/^DATE$/, 'date'],
  [/^TIMESTAMP( WITH TIME ZONE)?$/, 'timestamp'],
  [/^JSON$/, 'json'],
  [/^(BIGINT|HUGEINT|UBIGINT)$/, 'bigint'],
  [/^(INTEGER|SMALLINT|TINYINT|UINTEGER|USMALLINT|UTINYINT)$/, 'integer'],
  [/^(DOUBLE|FLOAT|REAL)$/, 'double'],
  [/^BOOLEAN$/, 'boolean'],
  [/^VARCHAR$/, 'varchar'],
]

/** Maps a `duckdb_columns().data_type` string to how a Cell is converted for it. */
export function toColumnInfo(name: string, type: string): ColumnInfo {
  const kind = KINDS.find(([re]) => re.test(type))?.[1] ?? 'other'
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type)
  if (!decimal) return { name, kind, type }
  return { name, kind, type, width: Number(decimal[1]), scale: Number(decimal[2]) }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** The temp table a load stages `table` in (one write connection, so one name suffices). */
export function stagingName(table: string): string {
  return `_stg_${table}`
}

function stagingTable(table: string): string {
  return quoteIdent(stagingName(table))
}

export const COLUMNS_SQL =
  'SELECT column_name, data_type FROM duckdb_columns() ' +
  "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table " +
  'ORDER BY column_index'

/** An empty temp table with the target's columns and types but none of its constraints. */
export function createStagingSql(table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${stagingTable(table)} AS SELECT * FROM main.${quoteIdent(table)} LIMIT 0`
}

export function dropStagingSql(table: string): string {
  return `DROP TABLE IF EXISTS temp.main.${stagingTable(table)}`
}

/** One row back when two staged rows share a primary key (NULLs compare equal in GROUP BY). */
export function duplicateKeySql(table: string, primaryKey: readonly string[]): string {
  const key = primaryKey.map(quoteIdent).join(', ')
  return `SELECT 1 FROM ${stagingTable(table)} GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`
}

/** Counts staged rows outside [$from, $to]: they would escape the next replace of the window. */
export function outsideWindowSql(table: string, column: string): string {
  const col = quoteIdent(column)
  return `SELECT count(*) AS n FROM ${stagingTable(table)} WHERE ${col} IS NULL OR ${col} NOT BETWEEN $from AND $to`
}

/** The statements that apply the staged rows to the target, by write disposition. */
export function dispositionSql(load: TableLoad, columns: readonly string[]): string[] {
  const target = `main.${quoteIdent(load.table)}`
  const list = columns.map(quoteIdent).join(', ')
  const insert = `INSERT INTO ${target} (${list}) SELECT ${list} FROM ${stagingTable(load.table)}`
  if (load.disposition === 'append') return [insert]
  if (load.disposition === 'replace_window') {
    const col = quoteIdent(load.window?.column ?? '')
    return [`DELETE FROM ${target} WHERE ${col} BETWEEN $from AND $to`, insert]
  }
  const on = load.primaryKey
    .map((k) => `t.${quoteIdent(k)} IS NOT DISTINCT FROM s.${quoteIdent(k)}`)
    .join(' AND ')
  return [`DELETE FROM ${target} AS t USING ${stagingTable(load.table)} AS s WHERE ${on}`, insert]
}
