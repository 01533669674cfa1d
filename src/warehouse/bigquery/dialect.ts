// BigQuery SQL for the warehouse: capabilities, identifier quoting, fully qualified table
// paths, and query parameters. Values never enter SQL text: generated statements take typed
// `@p…` parameters from a ParamBag, and callers' `$name` (DuckDB's spelling, used across
// the codebase) is rewritten to `@name` outside strings and comments.

import type { Capabilities, QueryOptions } from '../warehouse.js'
import { tokenizeSql } from '../sql-split.js'

export const BIGQUERY_CAPABILITIES: Capabilities = Object.freeze({
  dialect: 'bigquery',
  // Multi-statement transactions for DML; DDL may not run inside one.
  supportsTransactions: true,
  supportsTransactionalDdl: false,
  supportsMerge: true,
  // Rows per staging load job (a chunk with more is split into several jobs).
  maxRowsPerInsert: 50_000,
  // load() stages with free batch load jobs; flush() commits the run in one transaction.
  defersCommit: true,
})

export interface DatasetRef {
  projectId: string
  datasetId: string
}

/** A BigQuery parameter type: a scalar type name, or `[element]` for an ARRAY. */
export type ParamType = string | [string]

export function quoteIdent(name: string): string {
  return `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``
}

/** `` `project.dataset.table` `` (one backtick pair: project ids may hold hyphens). */
export function tablePath(dataset: DatasetRef, table: string): string {
  return quoteIdent(`${dataset.projectId}.${dataset.datasetId}.${table}`)
}

/** The `{{dataset}}` placeholder value of sql/bigquery files. */
export function datasetPlaceholder(dataset: DatasetRef): string {
  return `${dataset.projectId}.${dataset.datasetId}`
}

/** Typed, uniquely named query parameters for generated SQL. */
export class ParamBag {
  readonly values: Record<string, unknown> = {}
  readonly types: Record<string, ParamType> = {}
  private count = 0

  /** Adds a parameter and returns its SQL reference (`@p7`). */
  add(value: unknown, type: ParamType): string {
    const name = `p${this.count++}`
    this.values[name] = wrapTemporal(value, Array.isArray(type) ? type[0] : type)
    this.types[name] = type
    return `@${name}`
  }

  get size(): number {
    return this.count
  }
}

/** The client sends DATE/TIMESTAMP parameters from `{ value }` objects, never bare strings. */
function wrapTemporal(value: unknown, type: string): unknown {
  if (value === null || !/^(DATE|TIMESTAMP)$/.test(type)) return value
  if (Array.isArray(value)) return value.map((v) => wrapTemporal(v, type))
  return { value }
}

/** Rewrites `$name` to `@name` in code (never inside strings, identifiers or comments). */
export function toBigQueryParamSql(sql: string): string {
  const tokens = [...tokenizeSql(sql, 'bigquery')]
  return tokens
    .map((t, i) => {
      const next = tokens[i + 1]
      const isParam = t.kind === 'code' && t.text === '$' && next?.kind === 'code'
      return isParam && /^[A-Za-z_]\w*$/.test(next.text) ? '@' : t.text
    })
    .join('')
}

/** Client `params` + `types` for a caller's QueryOptions (NULL needs a declared type). */
export function callerParams(options: QueryOptions = {}) {
  const values: Record<string, unknown> = {}
  const types: Record<string, ParamType> = {}
  for (const [name, value] of Object.entries(options.params ?? {})) {
    values[name] = value
    types[name] = paramTypeOf(value)
  }
  return { values, types }
}

function paramTypeOf(value: string | number | boolean | null): string {
  if (typeof value === 'boolean') return 'BOOL'
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT64' : 'FLOAT64'
  return 'STRING'
}
