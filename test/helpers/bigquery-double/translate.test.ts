import { describe, expect, it } from 'vitest'
import { ParameterBinder, type QueryParameter } from './sql-params.js'
import { translateScript } from './translate.js'

function translate(sql: string, parameters: QueryParameter[] = []) {
  return translateScript(sql, { projectId: 'p', binder: new ParameterBinder(parameters) })
}

function duckdb(sql: string, parameters: QueryParameter[] = []): string {
  return translate(sql, parameters)
    .map((s) => s.duckdbSql ?? '')
    .join(';\n')
    .replace(/\s+/g, ' ')
}

describe('translateScript', () => {
  it('maps table paths to "dataset"."table" whatever the quoting', () => {
    expect(duckdb('SELECT * FROM `p.ds.t` JOIN `p`.ds.u USING (k) JOIN ds.v USING (k)')).toBe(
      'SELECT * FROM "ds"."t" JOIN "ds"."u" USING (k) JOIN ds.v USING (k)',
    )
  })

  it('maps BigQuery types and drops PARTITION BY / CLUSTER BY / OPTIONS / NOT ENFORCED keys', () => {
    const [create] = translate(`CREATE TABLE IF NOT EXISTS \`p.ds.t\` (
      d DATE NOT NULL, n NUMERIC, i INT64, f FLOAT64, b BOOL, s STRING, j JSON, ts TIMESTAMP,
      PRIMARY KEY (d, s) NOT ENFORCED)
      PARTITION BY d CLUSTER BY s OPTIONS (partition_expiration_days = 7)`)
    expect(create!.duckdbSql!.replace(/\s+/g, ' ')).toBe(
      'CREATE TABLE IF NOT EXISTS "ds"."t" ( d DATE NOT NULL, n DECIMAL(38,9), i BIGINT, f DOUBLE, ' +
        'b BOOLEAN, s VARCHAR, j JSON, ts TIMESTAMPTZ)',
    )
    expect(create!.effects).toEqual([
      {
        kind: 'table',
        table: { dataset: 'ds', table: 't' },
        mode: 'create',
        options: {
          timePartitioning: { type: 'DAY', field: 'd', expirationMs: String(7 * 86_400_000) },
          clustering: { fields: ['s'] },
        },
      },
    ])
  })

  it('reads PARTITION BY DATE(ts) and rejects unknown OPTIONS like BigQuery', () => {
    const [create] = translate('CREATE TABLE ds.t (ts TIMESTAMP) PARTITION BY DATE(ts)')
    expect(create!.effects[0]).toMatchObject({
      options: { timePartitioning: { type: 'DAY', field: 'ts' } },
    })
    expect(() =>
      translate('CREATE TABLE ds.t (d DATE) OPTIONS (partition_expiry_days = 3)'),
    ).toThrow(/Unknown option: partition_expiry_days/)
  })

  it('writes MERGE INTO, INSERT ROW and typed parameters for DuckDB', () => {
    const sql = duckdb(
      'MERGE ds.t T USING ds.s S ON T.d = S.d AND T.d >= @from WHEN NOT MATCHED THEN INSERT ROW',
      [{ name: 'from', parameterType: { type: 'DATE' }, parameterValue: { value: '2024-01-01' } }],
    )
    expect(sql).toBe(
      "MERGE INTO ds.t T USING ds.s S ON T.d = S.d AND T.d >= CAST('2024-01-01' AS DATE) WHEN NOT MATCHED THEN INSERT",
    )
  })

  it('translates the documented functions and literals', () => {
    expect(
      duckdb(
        'SELECT SAFE_CAST(x AS INT64), DATE_DIFF(a, b, DAY), DATE_TRUNC(d, MONTH), NUMERIC \'1.5\', "s"',
      ),
    ).toBe(
      "SELECT TRY_CAST(x AS BIGINT), date_diff('day', b, a), CAST(date_trunc('month', d) AS DATE), " +
        "CAST('1.5' AS DECIMAL(38,9)), 's'",
    )
  })

  it('records kind, target, tables and the columns filters mention', () => {
    const [merge] = translate(
      'MERGE `p.ds.t` T USING (SELECT * FROM ds.s) S ON T.id = S.id WHEN MATCHED THEN DELETE',
    )
    expect(merge!.analysis).toMatchObject({
      kind: 'MERGE',
      target: 'ds.t',
      tables: ['ds.t', 'ds.s'],
    })
    expect([...merge!.analysis.filterColumns]).toEqual(expect.arrayContaining(['id']))
  })

  it('refuses what it cannot translate: other projects, unqualified tables, missing parameters', () => {
    expect(() => translate('SELECT * FROM `other.ds.t`')).toThrow(/Access Denied/)
    expect(() => translate('SELECT * FROM t')).toThrow(/must be qualified with a dataset/)
    expect(() => translate('SELECT @nope')).toThrow(/Query parameter '@nope' not found/)
    expect(() => translate('SELECT 1; SELEC 2')).toThrow(/Syntax Error/i)
  })
})
