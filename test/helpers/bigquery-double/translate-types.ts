// BigQuery data types, typed literals and quoting → DuckDB text. Each function returns the
// DuckDB SQL for one CST node; translate-rules.ts decides where they apply.

import { invalidQuery, unsupported } from './errors.js'
import { quoteLiteral } from './database.js'
import { isNode, showNode, type CstNode } from './cst-walk.js'

export const DATA_TYPE_NODES = new Set([
  'data_type_name',
  'modified_data_type',
  'parametric_data_type',
  'time_data_type',
])

const TYPE_NAMES: Record<string, string> = {
  INT64: 'BIGINT',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  SMALLINT: 'BIGINT',
  BIGINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  DECIMAL: 'DECIMAL(38,9)',
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIME: 'TIME',
  TIMESTAMP: 'TIMESTAMPTZ',
  JSON: 'JSON',
  INTERVAL: 'INTERVAL',
}

/** DuckDB type text for a BigQuery data type node. */
export function duckDataType(node: CstNode): string {
  switch (node.type) {
    case 'data_type_name':
      return typeByName(keywordText(node.name))
    case 'time_data_type':
      return typeByName(keywordText(node.timeKw))
    case 'modified_data_type':
      return modifiedType(node)
    case 'parametric_data_type':
      return parametricType(node)
    default:
      throw unsupported(`data type ${showNode(node).trim()}`)
  }
}

function typeByName(name: string): string {
  const duck = TYPE_NAMES[name]
  if (!duck) throw unsupported(`data type ${name}`)
  return duck
}

function modifiedType(node: CstNode): string {
  const base = node.dataType as CstNode
  const name = base.type === 'data_type_name' ? keywordText(base.name) : ''
  if (name !== 'NUMERIC' && name !== 'DECIMAL') return duckDataType(base)
  const modifiers = showNode(node.modifiers).trim()
  return `DECIMAL${modifiers.replace(/\s+/g, '')}`
}

function parametricType(node: CstNode): string {
  const kw = keywordText(node.typeKw)
  const params = (node.params as CstNode | undefined)?.params as CstNode | undefined
  const first = (params?.items as CstNode[] | undefined)?.[0]
  if (kw !== 'ARRAY' || !first || !isNode(first.dataType)) throw unsupported(`${kw} types`)
  return `${duckDataType(first.dataType)}[]`
}

function keywordText(value: unknown): string {
  const words = Array.isArray(value) ? value : [value]
  return words
    .map((w) => (isNode(w) ? String(w.name ?? w.text) : ''))
    .join(' ')
    .toUpperCase()
}

/** Typed literals: TIMESTAMP '…', NUMERIC '…', JSON '…', DATE '…', DATETIME '…', TIME '…'. */
export function typedLiteral(node: CstNode): string | undefined {
  const text = () => quoteLiteral(String((node.string as CstNode).value))
  switch (node.type) {
    case 'timestamp_literal':
      return `CAST(${text()} AS TIMESTAMPTZ)`
    case 'datetime_literal':
      return `CAST(${text()} AS TIMESTAMP)`
    case 'date_literal':
      return `CAST(${text()} AS DATE)`
    case 'time_literal':
      return `CAST(${text()} AS TIME)`
    case 'numeric_literal':
      return `CAST(${text()} AS DECIMAL(38,9))`
    case 'json_literal':
      return `CAST(${text()} AS JSON)`
    case 'bignumeric_literal':
      throw unsupported('BIGNUMERIC')
    case 'blob_literal':
      throw unsupported('BYTES literals')
    case 'string_literal':
      return stringLiteral(node)
  }
}

/** BigQuery strings ("…", '…', r'…', '''…''', backslash escapes) → a DuckDB '…' literal. */
function stringLiteral(node: CstNode): string {
  if (typeof node.value !== 'string') throw invalidQuery(`Unreadable string ${String(node.text)}`)
  return quoteLiteral(node.value)
}

/** `identifier` written with backticks → DuckDB's double quotes. */
export function quotedIdentifier(node: CstNode): string | undefined {
  const text = String(node.text)
  if (!text.startsWith('`')) return
  return `"${String(node.name).replace(/"/g, '""')}"`
}
