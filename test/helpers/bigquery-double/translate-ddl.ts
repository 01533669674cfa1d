// BigQuery DDL → DuckDB DDL plus catalog effects. PARTITION BY, CLUSTER BY, OPTIONS(…) and
// NOT ENFORCED keys have no DuckDB meaning: they are read into TableOptions (what tables.get
// later reports) and removed from the statement. Keys are dropped, not kept, because BigQuery
// never enforces them and a double that rejected duplicates would hide missing dedup.

import { BigQueryError, invalidQuery, unsupported } from './errors.js'
import { funcArgs, funcName, isNode, raw, showNode, type CstNode } from './cst-walk.js'
import { quoteIdent } from './database.js'
import { pathParts, resolveTable, type NameContext, type TableName } from './sql-names.js'
import { readOptions, tableOptionsFrom, type OptionValues } from './translate-options.js'
import type { TableOptions, TimePartitioning } from './types.js'

export type CatalogEffect =
  | { kind: 'table'; table: TableName; options: TableOptions; mode: 'create' | 'replace' | 'patch' }
  | { kind: 'dataset'; dataset: string; options: OptionValues; mode: 'create' | 'patch' }

export interface DdlResult {
  effects: CatalogEffect[]
  /** The statement only changes metadata: nothing to run in DuckDB. */
  metadataOnly: boolean
}

const KEPT_COLUMN_CONSTRAINTS = new Set([
  'constraint_not_null',
  'constraint_null',
  'constraint_default',
])
const DROPPED_COLUMN_CONSTRAINTS = new Set([
  'bigquery_options',
  'constraint_primary_key',
  'references_specification',
  'constraint',
])

/** Reads and strips the BigQuery-only parts of a DDL statement (mutates `stmt`). */
export function extractDdl(stmt: CstNode, ctx: NameContext): DdlResult {
  switch (stmt.type) {
    case 'create_table_stmt':
      return createTable(stmt, ctx)
    case 'create_view_stmt':
      stmt.clauses = clauses(stmt).filter((c) => c.type !== 'bigquery_options')
      return { effects: [], metadataOnly: false }
    case 'create_schema_stmt':
      return createSchema(stmt, ctx)
    case 'alter_table_stmt':
      return alterTable(stmt, ctx)
    case 'alter_schema_stmt':
      return alterSchema(stmt, ctx)
    default:
      return { effects: [], metadataOnly: false }
  }
}

function createTable(stmt: CstNode, ctx: NameContext): DdlResult {
  const table = resolveTable(stmt.name as CstNode, ctx)
  const all = clauses(stmt)
  const copy = all.find((c) => /like|copy|clone/.test(c.type))
  if (copy) throw unsupported(`CREATE TABLE … ${copy.type}`)
  const partitioning = all.find((c) => c.type === 'partition_by_clause')
  const clustering = all.find((c) => c.type === 'cluster_by_clause')
  const options = readOptions(all.find((c) => c.type === 'bigquery_options'))
  stmt.clauses = all.filter((c) => !/partition_by|cluster_by|bigquery_options/.test(c.type))
  stripConstraints(stmt)
  const timePartitioning = partitioning ? readPartitioning(partitioning) : undefined
  const tableOptions = tableOptionsFrom(options, timePartitioning)
  if (clustering) tableOptions.clustering = { fields: clusterFields(clustering) }
  const mode = stmt.orReplaceKw ? 'replace' : 'create'
  return { effects: [{ kind: 'table', table, options: tableOptions, mode }], metadataOnly: false }
}

function readPartitioning(clause: CstNode): TimePartitioning {
  const items = ((clause.specifications as CstNode).items as CstNode[]).filter(isNode)
  const spec = items[0]
  if (!spec || items.length > 1) throw invalidQuery('PARTITION BY takes one expression')
  if (spec.type === 'identifier') {
    const name = String(spec.name)
    return name.toUpperCase() === '_PARTITIONDATE' ? { type: 'DAY' } : { type: 'DAY', field: name }
  }
  const fn = spec.type === 'func_call' ? funcName(spec) : ''
  const args = spec.type === 'func_call' ? funcArgs(spec) : []
  const field = args[0]?.type === 'identifier' ? String(args[0].name) : undefined
  if (fn === 'DATE' && field) return { type: 'DAY', field }
  const unit = showNode(args[1] ?? '')
    .trim()
    .toUpperCase()
  if (
    /^(TIMESTAMP|DATETIME|DATE)_TRUNC$/.test(fn) &&
    field &&
    /^(DAY|HOUR|MONTH|YEAR)$/.test(unit)
  ) {
    return { type: unit as TimePartitioning['type'], field }
  }
  throw unsupported(`PARTITION BY ${showNode(spec).trim()}`)
}

function clusterFields(clause: CstNode): string[] {
  const list = (clause.columns ?? clause.specifications) as CstNode
  return ((list.items as CstNode[]) ?? []).map((item) => showNode(item).trim().replace(/`/g, ''))
}

function stripConstraints(stmt: CstNode): void {
  const list = (stmt.columns as CstNode | undefined)?.expr as CstNode | undefined
  if (!list) return
  list.items = (list.items as CstNode[]).filter((item) => item.type === 'column_definition')
  for (const column of list.items as CstNode[]) {
    const constraints = (column.constraints as CstNode[]).filter(
      (c) => !DROPPED_COLUMN_CONSTRAINTS.has(c.type),
    )
    const odd = constraints.find((c) => !KEPT_COLUMN_CONSTRAINTS.has(c.type))
    if (odd) throw unsupported(`column constraint ${showNode(odd).trim()}`)
    column.constraints = constraints
  }
}

function createSchema(stmt: CstNode, ctx: NameContext): DdlResult {
  const all = clauses(stmt)
  const options = readOptions(all.find((c) => c.type === 'bigquery_options'))
  stmt.clauses = all.filter((c) => c.type !== 'bigquery_options')
  const dataset = schemaName(stmt, ctx)
  stmt.name = raw(quoteIdent(dataset), stmt.name as CstNode)
  return { effects: [{ kind: 'dataset', dataset, options, mode: 'create' }], metadataOnly: false }
}

function alterTable(stmt: CstNode, ctx: NameContext): DdlResult {
  const actions = ((stmt.actions as CstNode).items as CstNode[]).filter(isNode)
  const setOptions = actions.filter((a) => a.type === 'alter_action_set_bigquery_options')
  if (setOptions.length === 0) return { effects: [], metadataOnly: false }
  if (setOptions.length !== actions.length)
    throw unsupported('SET OPTIONS mixed with other actions')
  const table = resolveTable(stmt.table as CstNode, ctx)
  const options = tableOptionsFrom(readOptions(setOptions[0]?.options as CstNode), undefined, true)
  return { effects: [{ kind: 'table', table, options, mode: 'patch' }], metadataOnly: true }
}

function alterSchema(stmt: CstNode, ctx: NameContext): DdlResult {
  const actions = (stmt.actions as CstNode[]).filter(isNode)
  const option = actions.find((a) => a.type === 'alter_action_set_bigquery_options')
  if (!option || actions.length > 1) throw unsupported('ALTER SCHEMA other than SET OPTIONS')
  const dataset = schemaName(stmt, ctx)
  const options = readOptions(option.options as CstNode)
  return { effects: [{ kind: 'dataset', dataset, options, mode: 'patch' }], metadataOnly: true }
}

/** `dataset`, `project.dataset` or `` `project.dataset` ``: the dataset of this project. */
function schemaName(stmt: CstNode, ctx: NameContext): string {
  const node = stmt.name as CstNode
  const parts = (pathParts(node) ?? [showNode(node).trim().replace(/`/g, '')]).flatMap((p) =>
    p.split('.'),
  )
  if (parts.length > 2) throw invalidQuery(`Invalid dataset name ${parts.join('.')}`)
  if (parts.length === 2 && parts[0] !== ctx.projectId) {
    throw new BigQueryError(403, 'accessDenied', `Access Denied: Project ${parts[0]}`)
  }
  return parts.at(-1)!
}

function clauses(stmt: CstNode): CstNode[] {
  return ((stmt.clauses as CstNode[] | undefined) ?? []).filter(isNode)
}
