import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_PLACEHOLDERS, checkBigQuerySql, substitutePlaceholders } from './sql-check.js'

const SQL_ROOT = resolve(import.meta.dirname, '../../../sql/bigquery')

/** Every .sql file under sql/bigquery (migrations now, views when they are added). */
function bigQuerySqlFiles(): string[] {
  return readdirSync(SQL_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sql'))
    .sort()
}

describe('checkBigQuerySql on sql/bigquery', () => {
  const files = bigQuerySqlFiles()

  it('finds the migrations, numbered like the DuckDB ones', () => {
    const duckdb = readdirSync(resolve(SQL_ROOT, '../duckdb/migrations')).filter((f) =>
      f.endsWith('.sql'),
    )
    const bigquery = files
      .filter((f) => f.startsWith('migrations'))
      .map((f) => f.split(/[\\/]/).pop())
    expect(bigquery.length).toBeGreaterThan(0)
    expect(bigquery).toEqual(duckdb.sort())
  })

  it.each(files)('parses %s with a partition expiration in days', (file) => {
    const sql = readFileSync(join(SQL_ROOT, file), 'utf8')
    expect(checkBigQuerySql(sql)).toEqual({ ok: true })
  })

  it.each(files)('parses %s with no partition expiration (NULL)', (file) => {
    const sql = readFileSync(join(SQL_ROOT, file), 'utf8')
    const values = { ...SAMPLE_PLACEHOLDERS, partition_expiration_days: 'NULL' }
    expect(checkBigQuerySql(sql, values)).toEqual({ ok: true })
  })
})

describe('checkBigQuerySql', () => {
  it('accepts partitioned DDL, MERGE with a partition filter and views', () => {
    const sql = `
      CREATE TABLE IF NOT EXISTS \`{{dataset}}.t\` (d DATE NOT NULL, k STRING, v NUMERIC,
        PRIMARY KEY (d, k) NOT ENFORCED)
      PARTITION BY d CLUSTER BY k OPTIONS (partition_expiration_days = {{partition_expiration_days}});
      MERGE \`{{dataset}}.t\` T USING \`{{dataset}}.t_stage\` S
      ON T.d = S.d AND T.k = S.k AND T.d BETWEEN @from AND @to
      WHEN MATCHED THEN UPDATE SET v = S.v
      WHEN NOT MATCHED THEN INSERT ROW;
      CREATE OR REPLACE VIEW \`{{dataset}}.v\` AS SELECT d, SUM(v) AS v FROM \`{{dataset}}.t\` GROUP BY d;`
    expect(checkBigQuerySql(sql)).toEqual({ ok: true })
  })

  it('rejects a deliberately broken statement with the parser message', () => {
    const result = checkBigQuerySql('CREATE TABLE `{{dataset}}.t` (d DATE,, k STRING)')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(/Syntax Error/i)
  })

  it('rejects DuckDB-only syntax that BigQuery does not have', () => {
    expect(checkBigQuerySql('SELECT * FROM t WHERE x::INT64 = 1').ok).toBe(false)
  })

  it('rejects a placeholder that has no value, and empty SQL', () => {
    expect(checkBigQuerySql('SELECT * FROM `{{project}}.d.t`')).toEqual({
      ok: false,
      error: 'unknown placeholder {{project}}',
    })
    expect(checkBigQuerySql('  ').ok).toBe(false)
  })

  it('substitutes placeholders by name, spaces allowed inside the braces', () => {
    expect(substitutePlaceholders('`{{ dataset }}.t` {{x}}', { dataset: 'p.d', x: '7' })).toBe(
      '`p.d.t` 7',
    )
  })
})
