// The identity, allocation, finance and adoption views are written to port to BigQuery by
// renaming types only: each parses as BigQuery SQL once VARCHAR/BIGINT/DECIMAL(38,9) become
// STRING/INT64/NUMERIC, and none uses a DuckDB-only construct. (Executing both dialects on the
// same data is the BigQuery engine's job: views-harness.ts takes any Warehouse.)
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkBigQuerySql } from '../../src/warehouse/bigquery/sql-check.js'

const DIR = new URL('../../sql/duckdb/views/', import.meta.url)
const OURS = /^(3[0-9]|4[0-5])_|^6[0-4]_(?!invoice_)/
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql') && OURS.test(f))
  .sort()

/** The only differences allowed: type names. */
function toBigQuery(sql: string): string {
  return sql
    .replace(/\bDECIMAL\(38,\s*9\)/g, 'NUMERIC')
    .replace(/\bVARCHAR\b/g, 'STRING')
    .replace(/\bBIGINT\b/g, 'INT64')
}

const DUCKDB_ONLY: [RegExp, string][] = [
  [/GROUP BY ALL/i, 'GROUP BY ALL'],
  [/\bEXCLUDE\s*\(/i, 'SELECT * EXCLUDE'],
  [/\bARG_(MAX|MIN)\b|\bMAX_BY\b|\bMIN_BY\b/i, 'ARG_MAX / MAX_BY'],
  [/::/, ':: casts'],
  [/FILTER\s*\(\s*WHERE/i, 'aggregate FILTER'],
  [/BY NAME/i, 'UNION BY NAME'],
  [/\bdate_trunc\s*\(|\bdate_diff\s*\(|\bstrftime\s*\(/i, 'date functions spelled differently'],
  [/\bQUALIFY\b/i, 'QUALIFY'],
]

describe('identity and finance views port to BigQuery', () => {
  it('covers every view file of ours', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(FILES)('%s parses as BigQuery and uses no DuckDB-only syntax', (file) => {
    const sql = readFileSync(new URL(file, DIR), 'utf8')
    for (const [pattern, what] of DUCKDB_ONLY) expect(sql, what).not.toMatch(pattern)
    expect(checkBigQuerySql(toBigQuery(sql))).toEqual({ ok: true })
  })
})
