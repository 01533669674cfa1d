// One NDJSON value → a DuckDB SQL literal for a column of a BigQuery type, with BigQuery's
// load rules: numbers keep their exact text (lossless-json), NUMERIC allows 29 integer and 9
// fractional digits, a JSON column stores the value itself (a string stays a JSON string),
// and a TIMESTAMP without zone is UTC. Problems are thrown as plain messages per row.

import { isLosslessNumber, stringify } from 'lossless-json'
import { quoteLiteral } from './database.js'
import type { FieldSchema } from './types.js'

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/
const INT64_MAX = 2n ** 63n - 1n

export function valueLiteral(value: unknown, field: FieldSchema): string {
  if (value === null || value === undefined) {
    if (field.mode === 'REQUIRED') throw new Error(`Missing required field: ${field.name}.`)
    return 'NULL'
  }
  const text = scalarText(value)
  switch (field.type) {
    case 'STRING':
      return quoteLiteral(requireScalar(text, field))
    case 'INTEGER':
      return cast(integerText(text, field), 'BIGINT')
    case 'FLOAT':
      return cast(numberText(text, field), 'DOUBLE')
    case 'NUMERIC':
      return cast(numericText(text, field), 'DECIMAL(38,9)')
    case 'BOOLEAN':
      return booleanLiteral(text, field)
    case 'JSON':
      return cast(stringify(value) ?? 'null', 'JSON')
    case 'BYTES':
      return `from_base64(${quoteLiteral(requireScalar(text, field))})`
    default:
      return temporalLiteral(value, requireScalar(text, field), field)
  }
}

/** Strings as they are; numbers as their exact JSON text; objects/arrays as undefined. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (isLosslessNumber(value)) return value.toString()
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
}

function requireScalar(text: string | undefined, field: FieldSchema): string {
  if (text === undefined) throw new Error(`Cannot convert value to ${field.type}: ${field.name}.`)
  return text
}

function cast(text: string, type: string): string {
  return `CAST(${quoteLiteral(text)} AS ${type})`
}

function integerText(text: string | undefined, field: FieldSchema): string {
  const value = requireScalar(text, field)
  if (!INTEGER.test(value) || BigInt(value) > INT64_MAX || BigInt(value) < -INT64_MAX - 1n) {
    throw new Error(`Could not convert value '${value}' to integer. Field: ${field.name}.`)
  }
  return value
}

function numberText(text: string | undefined, field: FieldSchema): string {
  const value = requireScalar(text, field)
  if (Number.isNaN(Number(value)) && !/^[+-]?(inf|infinity|nan)$/i.test(value)) {
    throw new Error(`Could not convert value '${value}' to float. Field: ${field.name}.`)
  }
  return value
}

function numericText(text: string | undefined, field: FieldSchema): string {
  const value = requireScalar(text, field)
  const match = DECIMAL.exec(value)
  const integerDigits = match?.[1]?.replace(/^0+(?=\d)/, '') ?? ''
  if (!match || integerDigits.length > 29 || (match[2]?.length ?? 0) > 9) {
    throw new Error(`Invalid NUMERIC value: ${value} Field: ${field.name}.`)
  }
  return value
}

function booleanLiteral(text: string | undefined, field: FieldSchema): string {
  const value = requireScalar(text, field).toLowerCase()
  if (value !== 'true' && value !== 'false') {
    throw new Error(`Could not convert value '${value}' to boolean. Field: ${field.name}.`)
  }
  return value.toUpperCase()
}

function temporalLiteral(value: unknown, text: string, field: FieldSchema): string {
  switch (field.type) {
    case 'DATE':
      return cast(text, 'DATE')
    case 'DATETIME':
      return cast(text, 'TIMESTAMP')
    case 'TIME':
      return cast(text, 'TIME')
    case 'TIMESTAMP':
      // BigQuery takes epoch seconds as a JSON number, and ' UTC' as a zone suffix.
      if (isLosslessNumber(value)) return `to_timestamp(CAST(${quoteLiteral(text)} AS DOUBLE))`
      return cast(text.replace(/ UTC$/i, 'Z'), 'TIMESTAMPTZ')
    default:
      throw new Error(`Field ${field.name}: type ${field.type} is not supported by the double.`)
  }
}
