// Splits a SQL file into statements. A tiny lexer, not a parser: it only needs to know where
// strings, quoted identifiers and comments start and end, so a `;` inside them never splits.
// Dialect rules: DuckDB has '' escapes, E'' backslash strings, $tag$ strings and nested block
// comments; BigQuery has backslash escapes, triple quotes, backtick identifiers and # comments.
// BigQuery scripting blocks (BEGIN … END;) are not understood: keep them out of migrations.

import type { WarehouseDialect } from './warehouse.js'

type Token = { kind: 'code' | 'comment' | 'quoted'; text: string }

/** The statements of a SQL script, trimmed, leading comments dropped, without the final `;`. */
export function splitSqlStatements(sql: string, dialect: WarehouseDialect = 'duckdb'): string[] {
  const statements: string[] = []
  let current: Token[] = []
  for (const token of tokenizeSql(sql, dialect)) {
    if (token.kind === 'code' && token.text === ';') {
      pushStatement(statements, current)
      current = []
    } else current.push(token)
  }
  pushStatement(statements, current)
  return statements
}

/** The first `count` keywords/words of a statement, upper-cased, comments and strings skipped. */
export function leadingWords(sql: string, count: number, dialect: WarehouseDialect = 'duckdb') {
  const words: string[] = []
  for (const token of tokenizeSql(sql, dialect)) {
    if (token.kind === 'comment') continue
    if (token.kind === 'quoted' || !/^\w+$/.test(token.text)) {
      if (token.text.trim() !== '') words.push(token.text)
    } else words.push(token.text.toUpperCase())
    if (words.length >= count) break
  }
  return words
}

function pushStatement(statements: string[], tokens: Token[]): void {
  const first = tokens.findIndex((t) => t.kind !== 'comment' && t.text.trim() !== '')
  if (first < 0) return
  statements.push(
    tokens
      .slice(first)
      .map((t) => t.text)
      .join('')
      .trim(),
  )
}

const WORD = /\w+|\s+/y

/** Yields code (one word, one whitespace run or one symbol), comments and quoted tokens. */
export function* tokenizeSql(sql: string, dialect: WarehouseDialect): Generator<Token> {
  let i = 0
  while (i < sql.length) {
    const end = scanSpecial(sql, i, dialect)
    if (end !== undefined) {
      yield { kind: end.kind, text: sql.slice(i, end.at) }
      i = end.at
      continue
    }
    WORD.lastIndex = i
    const text = WORD.exec(sql)?.[0] ?? sql.charAt(i)
    yield { kind: 'code', text }
    i += text.length
  }
}

interface Scan {
  kind: 'comment' | 'quoted'
  at: number
}

function scanSpecial(sql: string, i: number, dialect: WarehouseDialect): Scan | undefined {
  const c = sql.charAt(i)
  const next = sql.charAt(i + 1)
  if (c === '-' && next === '-') return { kind: 'comment', at: lineEnd(sql, i) }
  if (c === '/' && next === '*') return { kind: 'comment', at: blockCommentEnd(sql, i, dialect) }
  return dialect === 'duckdb' ? scanDuckdb(sql, i) : scanBigquery(sql, i)
}

function scanDuckdb(sql: string, i: number): Scan | undefined {
  const c = sql.charAt(i)
  const prev = sql.charAt(i - 1)
  if (c === "'") {
    const backslash = /[eE]/.test(prev) && !/\w/.test(sql.charAt(i - 2))
    return { kind: 'quoted', at: quoteEnd(sql, i, "'", { backslash, doubled: true }) }
  }
  if (c === '"') return { kind: 'quoted', at: quoteEnd(sql, i, '"', { doubled: true }) }
  if (c === '$' && !/\w/.test(prev)) {
    const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 66))?.[0]
    if (tag) return { kind: 'quoted', at: closeAfter(sql, i + tag.length, tag) }
  }
  return undefined
}

function scanBigquery(sql: string, i: number): Scan | undefined {
  const c = sql.charAt(i)
  if (c === '#') return { kind: 'comment', at: lineEnd(sql, i) }
  if (c === '`') return { kind: 'quoted', at: quoteEnd(sql, i, '`', { backslash: true }) }
  if (c !== "'" && c !== '"') return undefined
  const triple = c.repeat(3)
  if (sql.startsWith(triple, i)) return { kind: 'quoted', at: closeAfter(sql, i + 3, triple, true) }
  return { kind: 'quoted', at: quoteEnd(sql, i, c, { backslash: true }) }
}

function lineEnd(sql: string, i: number): number {
  const nl = sql.indexOf('\n', i)
  return nl < 0 ? sql.length : nl
}

/** Nested block comments close level by level in DuckDB (Postgres rules), not in BigQuery. */
function blockCommentEnd(sql: string, start: number, dialect: WarehouseDialect): number {
  let depth = 0
  for (let i = start; i < sql.length - 1; i++) {
    const pair = sql.slice(i, i + 2)
    if (pair === '/*' && (depth === 0 || dialect === 'duckdb')) depth += 1
    else if (pair === '*/') depth -= 1
    else continue
    if (depth === 0) return i + 2
    i++ // skip the second character of the pair
  }
  return sql.length
}

interface Escapes {
  backslash?: boolean
  doubled?: boolean
}

/** End of a quoted run; `\x` and a doubled quote are escapes where the dialect says so. */
function quoteEnd(sql: string, start: number, quote: string, escapes: Escapes): number {
  for (let i = start + 1; i < sql.length; i++) {
    const c = sql.charAt(i)
    if (escapes.backslash && c === '\\') i++
    else if (c === quote && escapes.doubled && sql.charAt(i + 1) === quote) i++
    else if (c === quote) return i + 1
  }
  return sql.length
}

function closeAfter(sql: string, from: number, closer: string, backslash = false): number {
  for (let i = from; i < sql.length; i++) {
    if (backslash && sql.charAt(i) === '\\') i++
    else if (sql.startsWith(closer, i)) return i + closer.length
  }
  return sql.length
}
