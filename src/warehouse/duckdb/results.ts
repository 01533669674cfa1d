// Turns DuckDB result values into plain JSON-safe objects: DECIMAL → exact decimal string,
// DATE → 'YYYY-MM-DD', TIMESTAMP → ISO-8601 UTC, BIGINT/HUGEINT → number when it is a safe
// integer else string, JSON → its text (callers parse if they want). Timestamps keep
// milliseconds like Date#toISOString, plus microseconds only when there are any, so an ISO
// string written by the pipeline reads back identical.

import {
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
} from '@duckdb/node-api'
import type { DuckDBResultReader, DuckDBValueConverter } from '@duckdb/node-api'

import type { PlainValue } from '../rows.js'

export type { PlainValue }

/** Every row of a fully read result as a plain object. */
export function toPlainRows(reader: DuckDBResultReader): Record<string, PlainValue>[] {
  return reader.convertRowObjects(plainConverter)
}

const plainConverter: DuckDBValueConverter<PlainValue> = (value, type, converter) => {
  if (value === null) return null
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return typeof value === 'bigint' ? safeInteger(value) : textOf(value as PlainValue)
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue
        ? isoFromMicros(value.micros, value.isFinite)
        : value.toString()
    default:
      return JsonDuckDBValueConverter(value, type, converter)
  }
}

function safeInteger(value: bigint): number | string {
  const asNumber = Number(value)
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString()
}

/** ISO-8601 UTC from epoch microseconds; sub-millisecond digits only when non-zero. */
export function isoFromMicros(micros: bigint, isFinite = true): string {
  if (!isFinite) return micros > 0n ? 'infinity' : '-infinity'
  const subMs = ((micros % 1000n) + 1000n) % 1000n
  const ms = (micros - subMs) / 1000n
  const iso = new Date(Number(ms)).toISOString()
  return subMs === 0n ? iso : `${iso.slice(0, -1)}${subMs.toString().padStart(3, '0')}Z`
}

/** A plain value as text (rows of our own tables hold scalars; objects are JSON-encoded). */
import { textOf } from '../rows.js'

export { textOf }
