// Writes each Cell as the NDJSON value a BigQuery load job reads for the target column's
// type. Numbers are written as exact text (INT64 bare digits, NUMERIC a decimal string), so
// nothing passes through a binary float; a JSON column gets the parsed document (lossless-json
// keeps big numbers exact), not a JSON string. A misfit names column and table, never the value.

import { parse, stringify } from 'lossless-json'
import { PipelineError } from '../../core/errors.js'
import { isDay } from '../../core/days.js'
import type { Cell } from '../../core/records.js'

/** A column as tables.get reports it (legacy type names: INTEGER, FLOAT, BOOLEAN). */
export interface FieldInfo {
  name: string
  type: string
  mode?: string
}

/** JSON text of a non-null cell, or throws the misfit. */
export type CellWriter = (cell: Exclude<Cell, null>) => string

type Misfit = (cell: Cell, why?: string) => PipelineError

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i

export function misfitFor(field: FieldInfo, table: string): Misfit {
  return (cell, why = '') =>
    new PipelineError(
      'WAREHOUSE_LOAD',
      `Column ${field.name} of ${table} is ${field.type}; got a ${cell === null ? 'null' : typeof cell}${why}. Check the normalizer.`,
      { context: { table, field: field.name } },
    )
}

/** The writer for one column, chosen once per load. */
export function cellWriter(field: FieldInfo, table: string): CellWriter {
  const misfit = misfitFor(field, table)
  switch (field.type.toUpperCase()) {
    case 'INTEGER':
    case 'INT64':
      return (c) => integerText(c, misfit)
    case 'FLOAT':
    case 'FLOAT64':
      return (c) => floatText(c, misfit)
    case 'NUMERIC':
      return (c) => JSON.stringify(numericText(c, misfit))
    case 'BOOLEAN':
    case 'BOOL':
      return (c) => String(boolOf(c, misfit))
    case 'DATE':
      return (c) => JSON.stringify(dayText(c, misfit))
    case 'TIMESTAMP':
      return (c) => JSON.stringify(timestampText(c, misfit))
    case 'JSON':
      return (c) => jsonText(c, misfit)
    default:
      return (c) => JSON.stringify(typeof c === 'string' ? c : String(c))
  }
}

function integerText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  if (typeof cell === 'bigint') return cell.toString()
  if (typeof cell === 'number' && Number.isSafeInteger(cell)) return String(cell)
  if (typeof cell === 'string' && /^[+-]?\d+$/.test(cell.trim())) return BigInt(cell).toString()
  throw misfit(cell, ' that is not an exact integer')
}

function floatText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  const value = typeof cell === 'number' ? cell : Number(String(cell))
  if (typeof cell === 'boolean' || !Number.isFinite(value))
    throw misfit(cell, ' that is not a number')
  return String(value)
}

/** Exact decimal text with at most 9 decimals and 29 integer digits (BigQuery NUMERIC). */
export function numericText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  const text =
    typeof cell === 'string' ? cell.trim() : typeof cell === 'boolean' ? '' : String(cell)
  const m = DECIMAL_RE.exec(text)
  if (!m) throw misfit(cell, ' that is not a decimal')
  const [, sign = '', whole = '0', frac = '', exp = '0'] = m
  const digits = whole + frac
  const point = whole.length + Number(exp)
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0')
  const at = Math.max(point, 0)
  const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0'
  const fracPart = padded.slice(at).replace(/0+$/, '')
  if (fracPart.length > 9) throw misfit(cell, ' with more than 9 decimals')
  if (intPart.length > 29) throw misfit(cell, ' too large for NUMERIC')
  const body = fracPart ? `${intPart}.${fracPart}` : intPart
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body
}

function boolOf(cell: Exclude<Cell, null>, misfit: Misfit): boolean {
  if (typeof cell === 'boolean') return cell
  if (cell === 'true' || cell === 'false') return cell === 'true'
  throw misfit(cell, ' that is not a boolean')
}

function dayText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  if (typeof cell !== 'string' || !isDay(cell)) throw misfit(cell, ' that is not a YYYY-MM-DD day')
  return cell
}

/** ISO-8601 with any offset → 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (UTC, microseconds). */
export function timestampText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  const m = typeof cell === 'string' ? ISO_RE.exec(cell.trim()) : null
  if (!m) throw misfit(cell, ' that is not an ISO-8601 timestamp')
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  const check = new Date(wall).toISOString().slice(0, 19)
  if (Number.isNaN(wall) || check !== `${y}-${mo}-${d}T${h}:${mi}:${s}`)
    throw misfit(cell, ' that is not a valid date and time')
  const utc = new Date(wall - offsetMinutes(zone) * 60_000).toISOString().slice(0, 19)
  return `${utc}.${frac.padEnd(6, '0').slice(0, 6)}Z`
}

function offsetMinutes(zone: string): number {
  if (/^(z|utc)$/i.test(zone)) return 0
  const digits = zone.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')
  return zone.startsWith('-') ? -minutes : minutes
}

/** A JSON column takes the document itself; compact, exact re-serialisation of the text. */
function jsonText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  if (typeof cell !== 'string') return typeof cell === 'bigint' ? cell.toString() : String(cell)
  try {
    return stringify(parse(cell)) ?? 'null'
  } catch {
    throw misfit(cell, ' that is not valid JSON text')
  }
}
