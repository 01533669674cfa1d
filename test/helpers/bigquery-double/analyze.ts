// What a statement is and touches, read from the BigQuery CST before translation: its
// statementType, the table it writes, every table it names, and the columns its filters
// (WHERE, JOIN … ON, MERGE … ON / WHEN … AND) mention — used to record whether DML filters
// by partition and to enforce require_partition_filter as BigQuery would.

import { unsupported } from './errors.js'
import { identifierNames, isNode, visit, type CstNode } from './cst-walk.js'
import { pathParts, resolveTable, tableKey, unwrapAlias, type NameContext } from './sql-names.js'
import type { StatementKind } from './types.js'

export interface StatementAnalysis {
  kind: StatementKind
  target?: string
  tables: string[]
  filterColumns: Set<string>
}

const KIND_BY_NODE: Record<string, StatementKind> = {
  select_stmt: 'SELECT',
  compound_select_stmt: 'SELECT',
  insert_stmt: 'INSERT',
  update_stmt: 'UPDATE',
  delete_stmt: 'DELETE',
  merge_stmt: 'MERGE',
  truncate_stmt: 'TRUNCATE_TABLE',
  create_view_stmt: 'CREATE_VIEW',
  create_schema_stmt: 'CREATE_SCHEMA',
  drop_table_stmt: 'DROP_TABLE',
  drop_view_stmt: 'DROP_VIEW',
  drop_schema_stmt: 'DROP_SCHEMA',
  alter_table_stmt: 'ALTER_TABLE',
  alter_schema_stmt: 'ALTER_SCHEMA',
  start_transaction_stmt: 'BEGIN_TRANSACTION',
  commit_transaction_stmt: 'COMMIT_TRANSACTION',
  rollback_transaction_stmt: 'ROLLBACK_TRANSACTION',
}

export const DML_KINDS = new Set<StatementKind>([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'TRUNCATE_TABLE',
])

export function analyzeStatement(stmt: CstNode, ctx: NameContext): StatementAnalysis {
  const kind = statementKind(stmt)
  const targetNode = targetOf(stmt)
  const target = targetNode ? tableKey(resolveTable(targetNode, ctx)) : undefined
  const tables = new Set(target ? [target] : [])
  const ctes = cteNames(stmt)
  for (const node of referencedTables(stmt)) {
    const parts = pathParts(node)
    if (parts?.length === 1 && ctes.has(parts[0]!.toLowerCase())) continue
    tables.add(tableKey(resolveTable(node, ctx)))
  }
  return { kind, target, tables: [...tables], filterColumns: filterColumns(stmt) }
}

function statementKind(stmt: CstNode): StatementKind {
  if (stmt.type === 'create_table_stmt') {
    // Temp tables are script-scoped and unqualified: the double does not track them.
    if (isNode(stmt.kind)) throw unsupported('temporary tables')
    const asSelect = (stmt.clauses as CstNode[]).some((c) => c.type === 'as_clause')
    return asSelect ? 'CREATE_TABLE_AS_SELECT' : 'CREATE_TABLE'
  }
  const kind = KIND_BY_NODE[stmt.type]
  if (!kind) throw unsupported(`statement ${stmt.type.replace(/_stmt$/, '').toUpperCase()}`)
  return kind
}

function clause(stmt: CstNode, type: string): CstNode | undefined {
  return ((stmt.clauses as CstNode[] | undefined) ?? []).find((c) => c.type === type)
}

function firstItem(list: unknown): CstNode | undefined {
  return isNode(list) ? (list.items as CstNode[] | undefined)?.[0] : undefined
}

function targetOf(stmt: CstNode): CstNode | undefined {
  switch (stmt.type) {
    case 'insert_stmt':
      return clause(stmt, 'insert_clause')?.table as CstNode
    case 'update_stmt':
      return firstItem(clause(stmt, 'update_clause')?.tables)
    case 'delete_stmt':
      return firstItem(clause(stmt, 'delete_clause')?.tables)
    case 'merge_stmt':
      return clause(stmt, 'merge_clause')?.target as CstNode
    case 'truncate_stmt':
      return firstItem(stmt.tables)
    case 'create_table_stmt':
    case 'create_view_stmt':
      return stmt.name as CstNode
    case 'drop_table_stmt':
    case 'drop_view_stmt':
      return firstItem(stmt.tables ?? stmt.views)
    case 'alter_table_stmt':
      return stmt.table as CstNode
  }
}

/** Table paths in FROM/JOIN positions and the MERGE source, anywhere in the statement. */
function referencedTables(stmt: CstNode): CstNode[] {
  const found: CstNode[] = []
  visit(stmt, (node) => {
    if (node.type === 'from_clause') collectFrom(node.expr, found)
    if (node.type === 'merge_clause') collectFrom(node.source, found)
  })
  return found
}

function collectFrom(expr: unknown, found: CstNode[]): void {
  if (!isNode(expr)) return
  const node = unwrapAlias(expr)
  if (['identifier', 'member_expr', 'bigquery_quoted_member_expr'].includes(node.type)) {
    found.push(node)
  } else if (node.type === 'join_expr') {
    collectFrom(node.left, found)
    collectFrom(node.right, found)
  } else if (node.type === 'list_expr') {
    for (const item of node.items as CstNode[]) collectFrom(item, found)
  }
}

function cteNames(stmt: CstNode): Set<string> {
  const names = new Set<string>()
  visit(stmt, (node) => {
    if (node.type === 'common_table_expr' && isNode(node.table)) {
      names.add(String(node.table.name).toLowerCase())
    }
  })
  return names
}

const FILTER_NODES = new Set(['where_clause', 'join_on_specification', 'merge_when_condition'])

function filterColumns(stmt: CstNode): Set<string> {
  const columns = new Set<string>()
  const add = (node: unknown) => {
    if (isNode(node)) for (const name of identifierNames(node)) columns.add(name)
  }
  visit(stmt, (node) => {
    if (FILTER_NODES.has(node.type)) add(node)
    if (node.type === 'merge_clause') add(node.condition)
  })
  return columns
}
