// Query parameters (@name and ?) become typed DuckDB literals: `CAST('<value>' AS <type>)`.
// Inlining a quoted literal keeps every statement kind working (DDL, MERGE, scripts) without
// DuckDB prepared statements, and the cast from text keeps NUMERIC and INT64 values exact.

import { duckTypeForField } from './bq-types.js'
import { invalidQuery, unsupported } from './errors.js'
import { quoteLiteral } from './database.js'

type Scalar = string | number | boolean | null | undefined

export interface QueryParameter {
  name?: string
  parameterType: { type: string; arrayType?: { type: string } }
  parameterValue?: { value?: Scalar; arrayValues?: { value?: Scalar }[] }
}

export class ParameterBinder {
  private readonly named = new Map<string, QueryParameter>()
  private readonly positional: QueryParameter[] = []
  private nextPosition = 0

  constructor(parameters: readonly QueryParameter[] = []) {
    for (const p of parameters) {
      if (p.name) this.named.set(p.name.toLowerCase(), p)
      else this.positional.push(p)
    }
  }

  /** SQL for a parameter node's text ('@from' or '?'). */
  literalFor(text: string): string {
    const parameter = text === '?' ? this.positional[this.nextPosition++] : this.byName(text)
    if (!parameter) throw invalidQuery(`Query parameter '${text}' not found`)
    return parameterLiteral(parameter)
  }

  private byName(text: string): QueryParameter | undefined {
    return this.named.get(text.replace(/^@`?|`$/g, '').toLowerCase())
  }
}

export function parameterLiteral(p: QueryParameter): string {
  const type = p.parameterType.type.toUpperCase()
  if (type === 'ARRAY') return arrayLiteral(p)
  if (type === 'STRUCT' || type === 'RANGE') throw unsupported(`${type} query parameters`)
  return castLiteral(p.parameterValue?.value, duckType(type))
}

function arrayLiteral(p: QueryParameter): string {
  const element = duckType(p.parameterType.arrayType?.type ?? 'STRING')
  const items = (p.parameterValue?.arrayValues ?? []).map((v) => castLiteral(v.value, element))
  return `CAST([${items.join(', ')}] AS ${element}[])`
}

function castLiteral(value: Scalar, type: string): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${type})`
  return `CAST(${quoteLiteral(String(value))} AS ${type})`
}

function duckType(type: string): string {
  if (type === 'BIGNUMERIC') throw unsupported('BIGNUMERIC')
  return duckTypeForField({ name: 'parameter', type })
}
