// Table paths in BigQuery SQL: `project.dataset.table` (backticked as one path or per part),
// dataset.table, or a bare table under the request's defaultDataset. DuckDB knows no project,
// so a path resolves to { dataset, table } and prints as "dataset"."table". A path naming
// another project is refused (the double holds one project).

import { BigQueryError } from './errors.js'
import { isNode, type CstNode } from './cst-walk.js'

export interface NameContext {
  projectId: string
  defaultDataset?: string
}

export interface TableName {
  dataset: string
  table: string
}

export function tableKey(name: TableName): string {
  return `${name.dataset}.${name.table}`
}

/** The parts of a path node: ['p','ds','t'] for `p.ds.t`, ['t'] for an identifier. */
export function pathParts(node: CstNode): string[] | undefined {
  if (node.type === 'bigquery_quoted_member_expr') return pathParts(node.expr as CstNode)
  if (node.type === 'identifier') return [String(node.name)]
  if (node.type !== 'member_expr' || !isNode(node.object) || !isNode(node.property)) return
  const head = pathParts(node.object)
  const tail = node.property.type === 'identifier' ? [String(node.property.name)] : undefined
  return head && tail ? [...head, ...tail] : undefined
}

/** Resolves a table path; throws BigQuery's errors for paths it cannot place. */
export function resolveTable(node: CstNode, ctx: NameContext): TableName {
  const parts = pathParts(unwrapAlias(node))
  if (!parts) throw new BigQueryError(400, 'invalidQuery', 'Unrecognised table reference', 'query')
  if (parts.length === 3 && parts[0] !== ctx.projectId) {
    throw new BigQueryError(403, 'accessDenied', `Access Denied: Project ${parts[0]}`)
  }
  const [dataset, table] = parts.length >= 2 ? parts.slice(-2) : [ctx.defaultDataset, parts[0]]
  if (!dataset || !table || parts.length > 3) {
    throw new BigQueryError(
      400,
      'invalidQuery',
      `Table "${parts.join('.')}" must be qualified with a dataset (e.g. dataset.table).`,
      'query',
    )
  }
  return { dataset, table }
}

export function unwrapAlias(node: CstNode): CstNode {
  return node.type === 'alias' && isNode(node.expr) ? node.expr : node
}

/** Is this node a path that names a table (3 parts under our project, or a quoted path)? */
export function isQualifiedTablePath(node: CstNode, ctx: NameContext): boolean {
  if (node.type === 'bigquery_quoted_member_expr') return true
  const parts = node.type === 'member_expr' ? pathParts(node) : undefined
  return parts?.length === 3 && parts[0] === ctx.projectId
}
