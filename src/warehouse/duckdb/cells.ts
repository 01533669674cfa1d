// Converts each Cell to the target column's DuckDB type on its way into the appender. One
// writer per column is chosen once per load, so the per-row loop is a plain array walk.
// DECIMAL is built from the decimal text as a scaled bigint and refused if it would lose a
// digit; TIMESTAMP offsets are applied here because DuckDB's text cast ignores them.

import { DuckDBDateValue, DuckDBTimestampValue } from '@duckdb/node-api'
import type { DuckDBAppender } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import { isDay, startOfDayMs } from '../../core/days.js'
import type { Cell } from '../../core/records.js'
import type { ColumnInfo } from './dialect.js'

export type CellWriter = (appender: DuckDBAppender, cell: Cell) => void

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const MS_PER_DAY = 86_400_000

/** The writer for one column; it throws WAREHOUSE_LOAD (naming column, never value) on a misfit. */
export function cellWriter(column: ColumnInfo, table: string): CellWriter {
  const misfit = (cell: Cell, why = '') => {
    const what = cell === null ? 'null' : typeof cell
    return new PipelineError(
      'WAREHOUSE_LOAD',
      `Column ${column.name} of ${table} is ${column.type}; got a ${what}${why}. Check the normalizer.`,
      { context: { table, field: column.name } },
    )
  }
  const write = pickWriter(column, misfit)
  return (appender, cell) => (cell === null ? appender.appendNull() : write(appender, cell))
}

type Misfit = (cell: Cell, why?: string) => PipelineError
type Writer = (a: DuckDBAppender, cell: Exclude<Cell, null>) => void

function pickWriter(column: ColumnInfo, misfit: Misfit): Writer {
  switch (column.kind) {
    case 'decimal':
      return decimalWriter(column.width ?? 38, column.scale ?? 0, misfit)
    case 'date':
      return dateWriter(misfit)
    case 'timestamp':
      return (a, c) => a.appendTimestamp(new DuckDBTimestampValue(isoText(c, misfit)))
    case 'bigint':
      return (a, c) => a.appendBigInt(integerOf(c, misfit))
    case 'integer':
      return (a, c) => a.appendVarchar(String(integerOf(c, misfit)))
    case 'double':
      return (a, c) => a.appendDouble(typeof c === 'number' ? c : Number(numericText(c, misfit)))
    case 'boolean':
      return (a, c) => a.appendBoolean(typeof c === 'boolean' ? c : boolOf(c, misfit))
    default:
      // VARCHAR, JSON (DuckDB validates the text) and anything else DuckDB can cast from text.
      return (a, c) => a.appendVarchar(typeof c === 'string' ? c : String(c))
  }
}

/** Validated as an exact scaled bigint, appended as canonical text: the driver's appendDecimal
 *  builds a type object per value and is several times slower than DuckDB's exact text cast. */
function decimalWriter(width: number, scale: number, misfit: Misfit): Writer {
  const limit = 10n ** BigInt(width)
  return (a, c) => {
    const scaled = scaleDecimal(numericText(c, misfit), scale)
    if (scaled === undefined) throw misfit(c, ` with more than ${scale} decimals or not a decimal`)
    if (scaled >= limit || -scaled >= limit) throw misfit(c, ` too large for the column`)
    a.appendVarchar(scaledText(scaled, scale))
  }
}

export function scaledText(scaled: bigint, scale: number): string {
  const negative = scaled < 0n
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`
  return negative ? `-${text}` : text
}

/** Days repeat across a batch, so each distinct day is validated and converted once. */
function dateWriter(misfit: Misfit): Writer {
  const cache = new Map<string, DuckDBDateValue>()
  return (a, c) => {
    let value = typeof c === 'string' ? cache.get(c) : undefined
    if (value === undefined) {
      value = new DuckDBDateValue(dayNumber(c, misfit))
      cache.set(c as string, value)
    }
    a.appendDate(value)
  }
}

/** value × 10^scale as a bigint, or undefined when that would drop a non-zero digit. */
export function scaleDecimal(text: string, scale: number): bigint | undefined {
  const m = DECIMAL_RE.exec(text.trim())
  if (!m) return undefined
  const [, sign, whole = '0', frac = '', exp = '0'] = m
  const digits = BigInt(whole + frac)
  const power = Number(exp) - frac.length + scale
  let scaled = digits * 10n ** BigInt(Math.max(power, 0))
  if (power < 0) {
    const divisor = 10n ** BigInt(-power)
    if (digits % divisor !== 0n) return undefined
    scaled = digits / divisor
  }
  return sign === '-' ? -scaled : scaled
}

/** Microseconds since the epoch (UTC) of an ISO-8601 text, honouring its offset. */
export function isoToMicros(text: string): bigint | undefined {
  const m = ISO_RE.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  const wall = `${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${s.padStart(2, '0')}`
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== wall) return undefined // 25:00, Feb 30
  const micros = BigInt(ms) * 1000n + BigInt(frac.padEnd(6, '0').slice(0, 6))
  return micros - BigInt(offsetMinutes(zone)) * 60_000_000n
}

function offsetMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0
  const digits = zone.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')
  return zone.startsWith('-') ? -minutes : minutes
}

function isoText(cell: Exclude<Cell, null>, misfit: Misfit): bigint {
  const micros = typeof cell === 'string' ? isoToMicros(cell) : undefined
  if (micros === undefined) throw misfit(cell, ' that is not an ISO-8601 timestamp')
  return micros
}

function dayNumber(cell: Exclude<Cell, null>, misfit: Misfit): number {
  if (typeof cell !== 'string' || !isDay(cell)) throw misfit(cell, ' that is not a YYYY-MM-DD day')
  return startOfDayMs(cell) / MS_PER_DAY
}

function integerOf(cell: Exclude<Cell, null>, misfit: Misfit): bigint {
  if (typeof cell === 'bigint') return cell
  if (typeof cell === 'number' && Number.isSafeInteger(cell)) return BigInt(cell)
  if (typeof cell === 'string' && /^[+-]?\d+$/.test(cell.trim())) return BigInt(cell.trim())
  throw misfit(cell, ' that is not an exact integer')
}

function numericText(cell: Exclude<Cell, null>, misfit: Misfit): string {
  if (typeof cell === 'string') return cell
  if (typeof cell === 'bigint') return cell.toString()
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell)
  throw misfit(cell, ' that is not a number')
}

function boolOf(cell: Exclude<Cell, null>, misfit: Misfit): boolean {
  if (cell === 'true' || cell === 'false') return cell === 'true'
  throw misfit(cell, ' that is not a boolean')
}
