// The warehouse interface both engines implement (DuckDB embedded, BigQuery in production).
// Engine differences are declared in Capabilities and branched on there, never on a name.
// A load is one unit of work: stage the rows, apply them to the table by write disposition,
// advance the resource cursor and write the load record — all committed together, or, where
// the engine cannot do that in one transaction, ordered so a crash is repaired by a re-run.

import type { Day, DayRange } from '../core/days.js'
import type { Row } from '../core/records.js'

export type WarehouseDialect = 'duckdb' | 'bigquery'
export type LoadDisposition = 'merge' | 'replace_window' | 'append'

export interface Capabilities {
  dialect: WarehouseDialect
  /** Data, cursor and load record commit atomically in one transaction. */
  supportsTransactions: boolean
  /** DDL can run inside a transaction (migrations roll back whole). */
  supportsTransactionalDdl: boolean
  supportsMerge: boolean
  /** Rows the engine takes in one insert/load call before the loader splits a batch. */
  maxRowsPerInsert: number
  /** `load()` only stages; `flush()` commits every staged unit of work (data, cursors, load
   *  records) in one transaction. Absent/false: each `load()` commits on its own. */
  defersCommit?: boolean
}

export interface LoadRecord {
  runId: string
  loadId: string
  vendor: string
  resource: string
  window?: DayRange
  pages: number
  rows: number
  retries: number
  durationMs: number
  status: 'succeeded' | 'failed'
  error?: string
  startedAt: string
  finishedAt: string
}

export interface TableLoad {
  table: string
  disposition: LoadDisposition
  primaryKey: readonly string[]
  /** For `replace_window`: rows of these days (by `column`) are replaced. */
  window?: DayRange & { column: string }
  rows: readonly Row[]
}

/** One unit of work: one or more tables (a parent and its children), the cursor and the record. */
export interface LoadRequest {
  tables: readonly TableLoad[]
  /** New cursor for (vendor, resource), committed with the data; absent = unchanged. */
  cursor?: Day
  /** The record of this load, written in the same unit of work. */
  record: LoadRecord
}

export interface LoadResult {
  /** Rows written per table. */
  rowsWritten: Record<string, number>
  /** Table modifications this load caused (BigQuery quota is per table per day). */
  tableModifications: number
}

/** What `flush()` committed, and what the engine did to each table since the last flush. */
export interface FlushReport {
  /** Load ids committed by this flush, in load order. */
  loadIds: string[]
  /** Rows written per target table. */
  rowsWritten: Record<string, number>
  /** Table modifications per table since the previous flush (load jobs, committed DML, run
   *  records): the unit of BigQuery's per-table daily quota. */
  tableModifications: Record<string, number>
}

export interface ResourceState {
  vendor: string
  resource: string
  cursor: Day | null
  updatedAt: string
  lastLoadId: string | null
}

export interface RunRecord {
  runId: string
  trigger: string
  startedAt: string
  finishedAt?: string
  status: 'running' | 'succeeded' | 'partial' | 'failed'
  window?: DayRange
  summary?: string
}

export interface MigrationResult {
  name: string
  kind: 'migration' | 'view'
  status: 'applied' | 'skipped' | 'failed'
  error?: string
}

export interface MigrateReport {
  results: MigrationResult[]
  error?: Error
  /** Statements that ran (or would run, with dryRun). */
  statements: string[]
}

export interface QueryOptions {
  /** Named parameters, written `$name` in the SQL (DuckDB's spelling); BigQuery receives them
   *  as `@name` (the engine rewrites `$name` outside strings and comments). */
  params?: Record<string, string | number | boolean | null>
}

export interface Warehouse {
  readonly capabilities: Capabilities
  /** Applies pending migrations, then recreates every view. Reports per file, never throws
   *  for a failed file (see MigrateReport.error). */
  migrate(options?: { dryRun?: boolean }): Promise<MigrateReport>
  /** Loads rows idempotently with cursor and load record in the same unit of work (with
   *  `capabilities.defersCommit`, staged until `flush()`). */
  load(request: LoadRequest): Promise<LoadResult>
  /** Commits everything staged since the last flush in one transaction; engines that commit
   *  per load leave it out. After a failed flush nothing staged is committed (cursors unmoved). */
  flush?(): Promise<FlushReport>
  /** Writes a load record on its own (failed loads, which carry no data). */
  recordLoad(record: LoadRecord): Promise<void>
  saveRun(run: RunRecord): Promise<void>
  getRun(runId: string): Promise<RunRecord | undefined>
  getCursor(vendor: string, resource: string): Promise<Day | undefined>
  listStates(): Promise<ResourceState[]>
  /** Read-only SQL; rows as plain objects (DECIMAL → string, DATE → 'YYYY-MM-DD',
   *  BIGINT → number when safe, else string). */
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]>
  close(): Promise<void>
}
