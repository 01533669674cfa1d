// OPTIONS(name = value, …) of BigQuery DDL. Unknown option names are rejected as BigQuery
// does, so a typo in a migration fails here instead of on the first production deploy.
// Retention: partition_expiration_days becomes timePartitioning.expirationMs; NULL clears it.

import { invalidQuery } from './errors.js'
import { isNode, showNode, type CstNode } from './cst-walk.js'
import type { TableOptions, TimePartitioning } from './types.js'

export type OptionValue = string | number | boolean | null | { sql: string }
export type OptionValues = Map<string, OptionValue>

const TABLE_OPTIONS = new Set([
  'description',
  'friendly_name',
  'labels',
  'expiration_timestamp',
  'partition_expiration_days',
  'require_partition_filter',
  'kms_key_name',
  'default_rounding_mode',
  'enable_change_history',
  'max_staleness',
])

const DAY_MS = 86_400_000

/** Name → value of an OPTIONS(…) node; literals become JS values, anything else its SQL. */
export function readOptions(node: CstNode | undefined): OptionValues {
  const values: OptionValues = new Map()
  const list = ((node?.options as CstNode | undefined)?.expr as CstNode | undefined)?.items
  for (const item of (list as CstNode[] | undefined) ?? []) {
    if (!isNode(item.left) || !isNode(item.right)) throw invalidQuery('Malformed OPTIONS entry')
    values.set(String(item.left.name).toLowerCase(), literalValue(item.right))
  }
  return values
}

function literalValue(node: CstNode): OptionValue {
  switch (node.type) {
    case 'null_literal':
      return null
    case 'number_literal':
    case 'string_literal':
    case 'boolean_literal':
      return node.value as string | number | boolean
    default:
      return { sql: showNode(node).trim() }
  }
}

/** TableOptions from OPTIONS values. `partitioning` is the CREATE's PARTITION BY; for ALTER …
 *  SET OPTIONS (`isPatch`) an expiration is returned on a placeholder DAY partitioning and
 *  the catalog merges only its expirationMs into the table's real partitioning. */
export function tableOptionsFrom(
  values: OptionValues,
  partitioning?: TimePartitioning,
  isPatch = false,
): TableOptions {
  const options: TableOptions = partitioning ? { timePartitioning: { ...partitioning } } : {}
  for (const [name, value] of values) {
    if (!TABLE_OPTIONS.has(name)) throw invalidQuery(`Unknown option: ${name}`)
    if (name === 'description') options.description = typeof value === 'string' ? value : undefined
    if (name === 'require_partition_filter') options.requirePartitionFilter = value === true
    if (name === 'partition_expiration_days') applyExpiration(options, value, isPatch)
  }
  return options
}

function applyExpiration(options: TableOptions, value: OptionValue, isPatch: boolean): void {
  if (value !== null && typeof value !== 'number') {
    throw invalidQuery('partition_expiration_days must be a number or NULL')
  }
  const expirationMs = value === null ? undefined : String(Math.round(value * DAY_MS))
  if (!options.timePartitioning && !isPatch) {
    if (value === null) return
    throw invalidQuery('partition_expiration_days applies only to partitioned tables')
  }
  options.timePartitioning = { ...(options.timePartitioning ?? { type: 'DAY' }), expirationMs }
}
