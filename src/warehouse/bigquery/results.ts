// Converts the client's decoded result cells into the plain values the Warehouse interface
// promises, identical to DuckDB's: NUMERIC (big.js) → exact decimal text with its 9 decimals
// (as DuckDB prints DECIMAL(38,9); BIGNUMERIC keeps more when it has them), DATE → 'YYYY-MM-DD',
// TIMESTAMP → ISO-8601 UTC with milliseconds (microseconds only when there are any), INT64
// (read with wrapIntegers) → number when safe else string, JSON → its text.

import {
  BigQueryDate,
  BigQueryDatetime,
  BigQueryInt,
  BigQueryTime,
  BigQueryTimestamp,
  Geography,
} from '@google-cloud/bigquery'

import type { PlainValue } from '../rows.js'

export type { PlainValue }

export type PlainRow = Record<string, PlainValue>

/** NUMERIC's fixed scale, which DuckDB's DECIMAL(38,9) prints in full. */
const NUMERIC_SCALE = 9

export function toPlainRows(rows: readonly Record<string, unknown>[]): PlainRow[] {
  return rows.map((row) => {
    const out: PlainRow = {}
    for (const [key, value] of Object.entries(row)) out[key] = toPlainValue(value)
    return out
  })
}

export function toPlainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null
  if (value instanceof BigQueryInt) return safeInteger(value.value)
  if (value instanceof BigQueryTimestamp) return isoMillis(value.value)
  if (value instanceof BigQueryDate || value instanceof BigQueryDatetime) return value.value
  if (value instanceof BigQueryTime || value instanceof Geography) return value.value
  if (Buffer.isBuffer(value)) return value.toString('base64')
  if (Array.isArray(value)) return value.map(toPlainValue)
  if (isBig(value)) return value.toFixed(Math.max(NUMERIC_SCALE, decimalPlaces(value)))
  if (typeof value === 'object') return plainObject(value as Record<string, unknown>)
  if (typeof value === 'bigint') return safeInteger(value.toString())
  return value as string | number | boolean
}

function plainObject(value: Record<string, unknown>): PlainValue {
  const out: Record<string, PlainValue> = {}
  for (const [key, inner] of Object.entries(value)) out[key] = toPlainValue(inner)
  return out
}

interface BigLike {
  c: number[]
  e: number
  toFixed(dp: number): string
}

/** big.js values (NUMERIC, BIGNUMERIC), as the client decodes them. */
function isBig(value: unknown): value is BigLike {
  const v = value as { c?: unknown; e?: unknown; toFixed?: unknown }
  return Array.isArray(v.c) && typeof v.e === 'number' && typeof v.toFixed === 'function'
}

/** Digits after the point that the value really has (big.js: digits `c`, exponent `e`). */
function decimalPlaces(value: BigLike): number {
  return Math.max(0, value.c.length - value.e - 1)
}

function safeInteger(text: string): number | string {
  const asNumber = Number(text)
  return Number.isSafeInteger(asNumber) ? asNumber : text
}

/** '…T00:00:00.123456000Z' → '…T00:00:00.123456Z'; whole milliseconds keep 3 digits. */
export function isoMillis(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(value)
  if (!match) return value
  const digits = (match[2] ?? '').padEnd(6, '0').slice(0, 6)
  const fraction = digits.slice(3) === '000' ? digits.slice(0, 3) : digits
  return `${match[1]}.${fraction}Z`
}

/** A plain value as text (our own tables hold scalars; objects are JSON-encoded). */
import { textOf } from '../rows.js'

export { textOf }
