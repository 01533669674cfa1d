// BigQuery SQL script → DuckDB statements, one by one. Each statement is analysed (kind,
// target, tables, filter columns), stripped of BigQuery-only DDL (recorded as catalog
// effects) and rewritten by the expression rules. The whole script is translated before any
// statement runs, so a syntax or translation error fails the job without side effects.

import { invalidQuery, toBigQueryError } from './errors.js'
import {
  isNode,
  parseBigQuery,
  rewrite,
  showNode,
  visitWhitespace,
  type CstNode,
} from './cst-walk.js'
import { analyzeStatement, type StatementAnalysis } from './analyze.js'
import { extractDdl, type CatalogEffect } from './translate-ddl.js'
import { expressionRules, type TranslateContext } from './translate-rules.js'

export interface TranslatedStatement {
  analysis: StatementAnalysis
  /** The statement as the client sent it. */
  bigquerySql: string
  /** What DuckDB runs; undefined when the statement only changes metadata. */
  duckdbSql?: string
  effects: CatalogEffect[]
}

export function translateScript(sql: string, ctx: TranslateContext): TranslatedStatement[] {
  const statements = parseStatements(sql)
  if (statements.length === 0) throw invalidQuery('Syntax error: the query is empty')
  return statements.map((stmt) => translateStatement(stmt, ctx))
}

function parseStatements(sql: string): CstNode[] {
  try {
    const program = parseBigQuery(sql) as unknown as CstNode
    return (program.statements as CstNode[]).filter((s) => isNode(s) && s.type !== 'empty')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const first = message.split('\n')[0] ?? message
    throw invalidQuery(/^syntax error/i.test(first) ? first : `Syntax error: ${first}`)
  }
}

function translateStatement(stmt: CstNode, ctx: TranslateContext): TranslatedStatement {
  try {
    const bigquerySql = showNode(stmt).trim()
    const analysis = analyzeStatement(stmt, ctx)
    const ddl = extractDdl(stmt, ctx)
    if (ddl.metadataOnly) return { analysis, bigquerySql, effects: ddl.effects }
    hashCommentsToDashes(stmt)
    const duckdbSql = showNode(rewrite(stmt, expressionRules(ctx))).trim()
    return { analysis, bigquerySql, duckdbSql, effects: ddl.effects }
  } catch (error) {
    throw toBigQueryError(error)
  }
}

/** BigQuery allows `# comment`; DuckDB only `--`. */
function hashCommentsToDashes(stmt: CstNode): void {
  visitWhitespace(stmt, (item) => {
    if (item.type === 'line_comment' && item.text.startsWith('#')) {
      item.text = `--${item.text.slice(1)}`
    }
  })
}
