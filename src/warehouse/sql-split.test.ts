import { describe, it, expect } from 'vitest'
import { leadingWords, splitSqlStatements } from './sql-split.js'

describe('splitSqlStatements (duckdb)', () => {
  it('splits on semicolons and drops empty statements and leading comments', () => {
    const sql = '-- header; still a comment\nCREATE TABLE a (x INT);\n\n;SELECT 1;\n-- trailing'
    expect(splitSqlStatements(sql)).toEqual(['CREATE TABLE a (x INT)', 'SELECT 1'])
  })

  it('keeps semicolons inside strings, identifiers and comments', () => {
    const sql = [
      "SELECT 'a;b', 'it''s;' AS \"odd;name\" -- no; split\n",
      "/* block; /* nested; */ still comment; */ SELECT E'\\';x'",
      'SELECT $$dollar; quoted$$, $tag$ x; $tag$',
    ].join(';')
    const out = splitSqlStatements(sql)
    expect(out).toHaveLength(3)
    expect(out[0]).toBe("SELECT 'a;b', 'it''s;' AS \"odd;name\" -- no; split")
    expect(out[1]).toBe("SELECT E'\\';x'")
    expect(out[2]).toBe('SELECT $$dollar; quoted$$, $tag$ x; $tag$')
  })

  it('does not treat a word ending in E as an escape-string prefix', () => {
    expect(splitSqlStatements("SELECT 'a\\'; SELECT 2")).toEqual(["SELECT 'a\\'", 'SELECT 2'])
  })

  it('leaves an unterminated string as one statement instead of splitting inside it', () => {
    expect(splitSqlStatements("SELECT 'open; SELECT 2")).toEqual(["SELECT 'open; SELECT 2"])
  })
})

describe('splitSqlStatements (bigquery)', () => {
  it('knows backticks, backslash escapes, triple quotes and # comments', () => {
    const sql = [
      'SELECT `a;b`.c, "x\\";y" # hash; comment\n',
      "SELECT '''multi; line''', r'\\';'",
      'SELECT 3',
    ].join(';')
    const out = splitSqlStatements(sql, 'bigquery')
    expect(out).toEqual([
      'SELECT `a;b`.c, "x\\";y" # hash; comment',
      "SELECT '''multi; line''', r'\\';'",
      'SELECT 3',
    ])
  })

  it('does not nest block comments', () => {
    expect(splitSqlStatements('/* a /* b */ SELECT 1; SELECT 2', 'bigquery')).toEqual([
      'SELECT 1',
      'SELECT 2',
    ])
  })
})

describe('leadingWords', () => {
  it('skips comments and upper-cases words', () => {
    expect(leadingWords('/* x */ -- y\n create or replace view v as select 1', 4)).toEqual([
      'CREATE',
      'OR',
      'REPLACE',
      'VIEW',
    ])
  })
})
