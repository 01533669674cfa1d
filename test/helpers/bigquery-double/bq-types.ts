// BigQuery ↔ DuckDB types, and DuckDB values → BigQuery REST cell strings. The mapping is
// chosen to be invertible, so a table's BigQuery schema is always derived from DuckDB's
// columns (one source of truth): TIMESTAMP (an instant) is TIMESTAMPTZ in a UTC session,
// DATETIME (a wall clock) is TIMESTAMP, NUMERIC is DECIMAL(38,9). BIGNUMERIC, STRUCT, ARRAY
// columns and GEOGRAPHY are refused rather than approximated.

import type { DuckDBValue } from '@duckdb/node-api'
import { invalid } from './errors.js'
import type { FieldSchema } from './types.js'

/** Standard SQL names → the legacy names the REST API reports. */
const LEGACY_NAMES: Record<string, string> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  STRUCT: 'RECORD',
}

const DUCK_BY_BQ: Record<string, string> = {
  INTEGER: 'BIGINT',
  FLOAT: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP: 'TIMESTAMPTZ',
  TIME: 'TIME',
  JSON: 'JSON',
}

const BQ_BY_DUCK: Record<string, string> = {
  BIGINT: 'INTEGER',
  INTEGER: 'INTEGER',
  SMALLINT: 'INTEGER',
  TINYINT: 'INTEGER',
  HUGEINT: 'INTEGER',
  UBIGINT: 'INTEGER',
  UINTEGER: 'INTEGER',
  DOUBLE: 'FLOAT',
  FLOAT: 'FLOAT',
  VARCHAR: 'STRING',
  UUID: 'STRING',
  BLOB: 'BYTES',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'DATETIME',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
  TIME: 'TIME',
  JSON: 'JSON',
}

export function legacyTypeName(type: string): string {
  const upper = type.toUpperCase()
  return LEGACY_NAMES[upper] ?? upper
}

/** DuckDB column type for a BigQuery schema field. */
export function duckTypeForField(field: FieldSchema): string {
  if (field.mode === 'REPEATED') throw invalid(`Field ${field.name}: REPEATED is not supported`)
  const type = legacyTypeName(field.type)
  if (type === 'NUMERIC' && field.precision !== undefined) {
    return `DECIMAL(${field.precision},${field.scale ?? '0'})`
  }
  const duck = DUCK_BY_BQ[type]
  if (!duck) throw invalid(`Field ${field.name}: type ${field.type} is not supported`)
  return duck
}

/** BigQuery schema field for a DuckDB column (table schemas and query result schemas). */
export function fieldForDuck(name: string, duckType: string, alias?: string, nullable = true) {
  const type = alias === 'JSON' ? 'JSON' : bigQueryTypeName(duckType)
  if (!type) throw invalid(`Column ${name}: DuckDB type ${duckType} has no BigQuery equivalent`)
  const field: FieldSchema = { name, type, mode: nullable ? 'NULLABLE' : 'REQUIRED' }
  return field
}

function bigQueryTypeName(duckType: string): string | undefined {
  if (/^DECIMAL\(\d+,\d+\)$/.test(duckType)) return 'NUMERIC'
  return BQ_BY_DUCK[duckType]
}

export interface EncodeOptions {
  /** formatOptions.useInt64Timestamp: TIMESTAMP as epoch microseconds (the client's default). */
  int64Timestamp: boolean
}

/** A DuckDB value as the REST API's `v` string (null stays null). */
export function encodeCell(value: DuckDBValue, type: string, options: EncodeOptions) {
  if (value === null) return null
  switch (type) {
    case 'NUMERIC':
      return trimDecimal(String(value))
    case 'TIMESTAMP':
      return encodeTimestamp(micros(value), options)
    case 'DATETIME':
      return String(value).replace(' ', 'T')
    case 'BYTES':
      return Buffer.from(blobBytes(value)).toString('base64')
    default:
      return String(value)
  }
}

/** BigQuery prints NUMERIC without trailing fractional zeros: 2.500000000 → '2.5'. */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text
  return text.replace(/0+$/, '').replace(/\.$/, '')
}

function encodeTimestamp(us: bigint, options: EncodeOptions): string {
  if (options.int64Timestamp) return us.toString()
  const sign = us < 0n ? '-' : ''
  const abs = us < 0n ? -us : us
  return `${sign}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`
}

function micros(value: DuckDBValue): bigint {
  if (typeof value === 'object' && value !== null && 'micros' in value) return value.micros
  throw new Error(`expected a timestamp value, got ${String(value)}`)
}

function blobBytes(value: DuckDBValue): Uint8Array {
  if (typeof value === 'object' && value !== null && 'bytes' in value) return value.bytes
  return new TextEncoder().encode(String(value))
}
