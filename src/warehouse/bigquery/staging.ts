// Staging: each flush generation has its own scratch tables (`_staging_<tag>_<table>`: the
// target's columns plus `_stg_seq`, the load's order in the flush) that expire after a day, so
// a crashed run's leftovers are never read by the next run and vanish on their own. A load's
// rows are checked in memory first (unknown columns, duplicate keys, rows outside a
// replace_window), then appended with batch load jobs (free, unlike streaming inserts).

import { PipelineError } from '../../core/errors.js'
import type { Row } from '../../core/records.js'
import type { TableLoad } from '../warehouse.js'
import { cellWriter, misfitFor, type FieldInfo } from './cells.js'
import { SEQ_COLUMN } from './merge-sql.js'
import type { BigQuerySession } from './session.js'

const DAY_MS = 86_400_000

export interface StageStamp {
  loadId: string
  seq: number
  /** ISO timestamp written to `_loaded_at`. */
  loadedAt: string
}

export interface StageLimits {
  maxRows: number
  maxBytes: number
}

/** Creates the staging table for `table` (its columns + `_stg_seq`), expiring in one day. */
export async function createStagingTable(
  session: BigQuerySession,
  staging: string,
  fields: readonly FieldInfo[],
  nowMs: number,
): Promise<void> {
  const schema = { fields: [...fields, { name: SEQ_COLUMN, type: 'INTEGER', mode: 'REQUIRED' }] }
  const metadata = { schema, expirationTime: String(nowMs + DAY_MS), location: session.location }
  await session.createTable(staging, metadata, { op: 'load', table: staging })
}

/** NDJSON parts of at most `limits` rows/bytes; throws on the first misfit row. */
export function toNdjsonParts(
  load: TableLoad,
  fields: readonly FieldInfo[],
  stamp: StageStamp,
  limits: StageLimits,
): string[] {
  checkRows(load, fields, stamp.loadId)
  const writers = fields.map((f) => fieldWriter(f, load.table, stamp))
  const parts: string[] = []
  let lines: string[] = []
  let bytes = 0
  for (const row of load.rows) {
    const line = rowLine(row, fields, writers, stamp.seq)
    if (
      lines.length >= limits.maxRows ||
      (lines.length > 0 && bytes + line.length > limits.maxBytes)
    ) {
      parts.push(lines.join('\n'))
      lines = []
      bytes = 0
    }
    lines.push(line)
    bytes += line.length + 1
  }
  if (lines.length > 0) parts.push(lines.join('\n'))
  return parts
}

type Writer = (row: Row) => string | undefined

function fieldWriter(field: FieldInfo, table: string, stamp: StageStamp): Writer {
  if (field.name === '_load_id') return () => JSON.stringify(stamp.loadId)
  if (field.name === '_loaded_at') return () => JSON.stringify(stamp.loadedAt)
  const write = cellWriter(field, table)
  const misfit = misfitFor(field, table)
  const required = field.mode === 'REQUIRED'
  return (row) => {
    const cell = row[field.name] ?? null
    if (cell !== null) return write(cell)
    if (required) throw misfit(null, ' in a REQUIRED (NOT NULL) column')
    return undefined
  }
}

function rowLine(row: Row, fields: readonly FieldInfo[], writers: Writer[], seq: number): string {
  const parts: string[] = []
  for (let i = 0; i < writers.length; i++) {
    const value = writers[i]!(row)
    if (value !== undefined) parts.push(`${JSON.stringify(fields[i]!.name)}:${value}`)
  }
  parts.push(`"${SEQ_COLUMN}":${seq}`)
  return `{${parts.join(',')}}`
}

/** The checks DuckDB's staging makes, done in memory before any job is sent. */
function checkRows(load: TableLoad, fields: readonly FieldInfo[], loadId: string): void {
  const known = new Set(fields.map((f) => f.name))
  const fail = (message: string, field?: string) =>
    new PipelineError('WAREHOUSE_LOAD', message, { context: { table: load.table, loadId, field } })
  for (const key of load.primaryKey) {
    if (!known.has(key)) throw fail(`Primary key column ${key} is not in ${load.table}.`, key)
  }
  const seen = new Set<string>()
  const window = load.disposition === 'replace_window' ? load.window : undefined
  let outside = 0
  for (const row of load.rows) {
    for (const column in row) {
      if (!known.has(column)) throw fail(`Table ${load.table} has no column ${column}.`, column)
    }
    if (load.primaryKey.length > 0) {
      const key = JSON.stringify(load.primaryKey.map((k) => String(row[k] ?? '\u0000null')))
      if (seen.has(key)) {
        const columns = load.primaryKey.join(', ')
        throw fail(
          `Two rows for ${load.table} share a primary key (${columns}) in one load. Deduplicate them in the normalizer.`,
        )
      }
      seen.add(key)
    }
    const day = window ? row[window.column] : undefined
    if (window && (typeof day !== 'string' || day < window.from || day > window.to)) outside += 1
  }
  if (window && outside > 0) {
    throw fail(
      `${outside} rows for ${load.table} have ${window.column} outside the load window; ` +
        'a replace_window load may only carry rows of its window.',
      window.column,
    )
  }
}
