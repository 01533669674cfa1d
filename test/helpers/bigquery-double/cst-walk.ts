// Small helpers over sql-parser-cst's syntax tree, treated as plain JSON: a walker that can
// replace nodes (the translation's engine) and a "raw" node that prints arbitrary SQL.
// A raw node is a `keyword` node because `show()` prints a keyword's text verbatim; it keeps
// the replaced node's leading/trailing whitespace so the output stays well spaced.

import { parse, show, type Node, type Program } from 'sql-parser-cst'

export type CstNode = { type: string } & Record<string, unknown>

const SKIP_KEYS = new Set(['type', 'range', 'leading', 'trailing'])

export function isNode(value: unknown): value is CstNode {
  return typeof value === 'object' && value !== null && 'type' in value && !Array.isArray(value)
}

/** Parses BigQuery SQL keeping whitespace and comments, so `show()` round-trips it. */
export function parseBigQuery(sql: string): Program {
  return parse(sql, {
    dialect: 'bigquery',
    includeSpaces: true,
    includeNewlines: true,
    includeComments: true,
    includeRange: true,
    paramTypes: ['@name', '?'],
  })
}

export function showNode(node: unknown): string {
  return show(node as Node)
}

/** A node that prints `text`, in place of `like` (keeps its surrounding whitespace). */
export function raw(text: string, like?: CstNode): CstNode {
  return { type: 'keyword', text, name: text, leading: like?.leading, trailing: like?.trailing }
}

/** Rules: `leaf` runs before children and may replace a node (its children are then not
 *  visited); `after` runs after the children were rewritten and may replace the node. */
export interface RewriteRules {
  leaf?: (node: CstNode) => CstNode | undefined
  after?: (node: CstNode) => CstNode | undefined
}

export function rewrite(node: CstNode, rules: RewriteRules): CstNode {
  const early = rules.leaf?.(node)
  if (early) return early
  for (const [key, value] of Object.entries(node)) {
    if (SKIP_KEYS.has(key)) continue
    if (Array.isArray(value)) {
      node[key] = (value as unknown[]).map((v) => (isNode(v) ? rewrite(v, rules) : v))
    } else if (isNode(value)) node[key] = rewrite(value, rules)
  }
  return rules.after?.(node) ?? node
}

/** Calls `fn` on every node, parents first; returning false skips the node's children. */
export function visit(node: CstNode, fn: (node: CstNode) => boolean | void): void {
  if (fn(node) === false) return
  for (const [key, value] of Object.entries(node)) {
    if (SKIP_KEYS.has(key)) continue
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) visit(v, fn)
    if (isNode(value)) visit(value, fn)
  }
}

/** Whitespace items (spaces, newlines, comments) attached to every node. */
export function visitWhitespace(node: CstNode, fn: (item: { type: string; text: string }) => void) {
  visit(node, (n) => {
    for (const key of ['leading', 'trailing']) {
      const items = n[key]
      if (Array.isArray(items)) for (const item of items) fn(item as { type: string; text: string })
    }
  })
}

/** Upper-cased function name of a func_call node. */
export function funcName(node: CstNode): string {
  const name = node.name as CstNode | undefined
  return name && typeof name.name === 'string' ? name.name.toUpperCase() : ''
}

/** The argument nodes of a func_call (empty when called without arguments). */
export function funcArgs(node: CstNode): CstNode[] {
  const paren = node.args as CstNode | undefined
  const args = (paren?.expr as CstNode | undefined)?.args as CstNode | undefined
  return ((args?.items as CstNode[] | undefined) ?? []).filter(isNode)
}

/** Identifier names inside a node, lower-cased (member_expr contributes its parts). */
export function identifierNames(node: CstNode): Set<string> {
  const names = new Set<string>()
  visit(node, (n) => {
    if (n.type === 'identifier' && typeof n.name === 'string') names.add(n.name.toLowerCase())
  })
  return names
}
