// The expression-level rewrite of BigQuery SQL into DuckDB SQL, applied to a whole statement:
// leaf rules replace a node outright (table paths, types, literals, parameters, quoted
// identifiers); `after` rules fix a node once its children are translated (functions,
// SAFE_CAST, * EXCEPT, IN UNNEST, MERGE without INTO, INSERT ROW).

import {
  funcArgs,
  funcName,
  isNode,
  raw,
  showNode,
  type CstNode,
  type RewriteRules,
} from './cst-walk.js'
import { tableSql } from './database.js'
import type { ParameterBinder } from './sql-params.js'
import { isQualifiedTablePath, resolveTable, type NameContext } from './sql-names.js'
import { rewriteFunction } from './translate-functions.js'
import { DATA_TYPE_NODES, duckDataType, quotedIdentifier, typedLiteral } from './translate-types.js'

export interface TranslateContext extends NameContext {
  binder: ParameterBinder
}

export function expressionRules(ctx: TranslateContext): RewriteRules {
  return { leaf: (node) => leafRule(node, ctx), after: afterRule }
}

function leafRule(node: CstNode, ctx: TranslateContext): CstNode | undefined {
  const text = leafText(node, ctx)
  return text === undefined ? undefined : raw(text, node)
}

function leafText(node: CstNode, ctx: TranslateContext): string | undefined {
  if (isQualifiedTablePath(node, ctx)) {
    const name = resolveTable(node, ctx)
    return tableSql(name.dataset, name.table)
  }
  if (DATA_TYPE_NODES.has(node.type)) return duckDataType(node)
  if (node.type === 'parameter') return ctx.binder.literalFor(String(node.text))
  if (node.type === 'identifier') return quotedIdentifier(node)
  if (node.type.endsWith('_literal')) return typedLiteral(node)
}

function afterRule(node: CstNode): CstNode | undefined {
  switch (node.type) {
    case 'func_call':
      return functionCall(node)
    case 'cast_expr':
      setKeyword(node.castKw, (t) => (t.toUpperCase() === 'SAFE_CAST' ? 'TRY_CAST' : t))
      return
    case 'except_columns':
      setKeyword(node.exceptKw, () => 'EXCLUDE')
      return
    case 'binary_expr':
      return inUnnest(node)
    case 'alias':
      return unnestAlias(node)
    case 'merge_clause':
      if (!node.intoKw) node.intoKw = { ...raw('INTO'), trailing: [{ type: 'space', text: ' ' }] }
      return
    case 'merge_action_insert_row_clause':
      return raw('', node) // BigQuery `INSERT ROW` is DuckDB's bare `INSERT`
  }
}

function functionCall(node: CstNode): CstNode | undefined {
  const args = funcArgs(node).map((a) => showNode(a).trim())
  const text = rewriteFunction(funcName(node), args)
  return text === undefined ? undefined : raw(text, node)
}

/** `x IN UNNEST(list)` → `x IN (SELECT UNNEST(list))` */
function inUnnest(node: CstNode): CstNode | undefined {
  const right = node.right
  if (!isNode(right) || right.type !== 'unnest_expr') return
  node.right = raw(`(SELECT UNNEST${showNode(right.expr).trim()})`, right)
}

/** `UNNEST(list) AS d` → `UNNEST(list) AS _unnest(d)`: DuckDB names the column, not the table. */
function unnestAlias(node: CstNode): CstNode | undefined {
  if (!isNode(node.expr) || node.expr.type !== 'unnest_expr' || !isNode(node.alias)) return
  const column = showNode(node.alias).trim()
  return raw(`${showNode(node.expr).trim()} AS _unnest(${column})`, node)
}

function setKeyword(value: unknown, change: (text: string) => string): void {
  if (isNode(value) && typeof value.text === 'string') value.text = change(value.text)
}
