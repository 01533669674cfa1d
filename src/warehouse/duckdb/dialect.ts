// DuckDB SQL for the warehouse: identifier quoting, column type parsing, capabilities and the
// statements each write disposition runs against a staging table. We do not rely on DuckDB's
// MERGE: `merge` is UPDATE-matching-keys + INSERT-the-rest inside the load's transaction; keys
// match null-safely (IS NOT DISTINCT FROM) so a NULL key part still finds its old row.

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

/**
 * The statements that apply the staged rows to the target, by write disposition. Rows whose key
 * already exists are UPDATEd in place rather than deleted and re-inserted: DuckDB's primary-key
 * index makes a delete + re-insert of the same keys ~10× slower, and a re-run re-reads the same
 * keys. Keyless replace_window falls back to delete-the-window + insert.
 */
export function dispositionSql(load: TableLoad, columns: readonly string[]): string[] {
  const target = `main.${quoteIdent(load.table)}`
  const staged = stagingTable(load.table)
  const list = columns.map(quoteIdent).join(', ')
  const insertAll = `INSERT INTO ${target} (${list}) SELECT ${list} FROM ${staged}`
  const keys = load.primaryKey
  if (load.disposition === 'append') return [insertAll]
  const inWindow = `t.${quoteIdent(load.window?.column ?? '')} BETWEEN $from AND $to`
  if (keys.length === 0) return [`DELETE FROM ${target} AS t WHERE ${inWindow}`, insertAll]
  const match = `SELECT 1 FROM ${staged} AS s WHERE ${keyMatch(keys)}`
  const statements = [
    updateMatchingSql(target, staged, keys, columns),
    `INSERT INTO ${target} (${list}) SELECT ${list} FROM ${staged} AS s ` +
      `WHERE NOT EXISTS (SELECT 1 FROM ${target} AS t WHERE ${keyMatch(keys)})`,
  ].filter((sql): sql is string => sql !== undefined)
  if (load.disposition === 'merge') return statements
  return [`DELETE FROM ${target} AS t WHERE ${inWindow} AND NOT EXISTS (${match})`, ...statements]
}

/** Null-safe equality of every key column between target `t` and staging `s`. */
function keyMatch(keys: readonly string[]): string {
  return keys.map((k) => `t.${quoteIdent(k)} IS NOT DISTINCT FROM s.${quoteIdent(k)}`).join(' AND ')
}

function updateMatchingSql(
  target: string,
  staged: string,
  keys: readonly string[],
  columns: readonly string[],
): string | undefined {
  const values = columns.filter((c) => !keys.includes(c))
  if (values.length === 0) return undefined
  const set = values.map((c) => `${quoteIdent(c)} = s.${quoteIdent(c)}`).join(', ')
  return `UPDATE ${target} AS t SET ${set} FROM ${staged} AS s WHERE ${keyMatch(keys)}`
}
