import { BigQuery } from '@google-cloud/bigquery'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixed, valueOf, type DecodedRow } from './decoded.js'
import { startBigQueryDouble, type BigQueryDouble } from './index.js'

let double: BigQueryDouble
let bq: BigQuery

const DDL = `
CREATE TABLE \`acme-test.usage.cost\` (
  usage_date DATE NOT NULL, line_key STRING NOT NULL, amount_usd NUMERIC NOT NULL,
  tokens INT64, share FLOAT64, ok BOOL, raw_json JSON, seen_at TIMESTAMP,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED)
PARTITION BY usage_date CLUSTER BY line_key
OPTIONS (partition_expiration_days = 400);
INSERT INTO \`acme-test.usage.cost\` (usage_date, line_key, amount_usd, tokens, share, ok, raw_json, seen_at)
VALUES (DATE '2024-01-01', 'a', NUMERIC '1.10', 5, 0.25, TRUE, JSON '{"k":1}', TIMESTAMP '2024-01-01 10:00:00.5+00'),
       (DATE '2024-01-02', 'b', NUMERIC '2.20', 9007199254740993, NULL, FALSE, NULL, NULL);`

beforeEach(async () => {
  double = await startBigQueryDouble({ projectId: 'acme-test', pageRows: 2 })
  bq = new BigQuery(double.clientOptions())
  await bq.createDataset('usage', { location: 'EU' })
  await bq.query(DDL)
})
afterEach(async () => double.close())

const MERGE = `
MERGE \`acme-test.usage.cost\` AS T
USING (SELECT DATE '2024-01-02' AS usage_date, 'b' AS line_key, NUMERIC '7.5' AS amount_usd
       UNION ALL SELECT DATE '2024-01-02', 'c', NUMERIC '0.000000001') AS S
ON T.usage_date = S.usage_date AND T.line_key = S.line_key AND T.usage_date BETWEEN @from AND @to
WHEN MATCHED THEN UPDATE SET amount_usd = S.amount_usd
WHEN NOT MATCHED THEN INSERT (usage_date, line_key, amount_usd) VALUES (S.usage_date, S.line_key, S.amount_usd)`

describe('query jobs', () => {
  it('decodes every type the way the real client expects', async () => {
    const rows: DecodedRow[] = (
      await bq.query({
        query: 'SELECT * FROM usage.cost ORDER BY line_key',
        wrapIntegers: true,
      })
    )[0]
    expect(rows).toHaveLength(2)
    const [a, b] = rows as [DecodedRow, DecodedRow]
    expect(valueOf(a.usage_date)).toBe('2024-01-01')
    expect(fixed(a.amount_usd)).toBe('1.1')
    expect(valueOf(a.tokens)).toBe('5')
    expect(valueOf(b.tokens)).toBe('9007199254740993')
    expect(a.share).toBe(0.25)
    expect([a.ok, b.ok]).toEqual([true, false])
    expect(JSON.parse(String(a.raw_json))).toEqual({ k: 1 })
    expect(valueOf(a.seen_at)).toBe('2024-01-01T10:00:00.500Z')
    expect([b.share, b.raw_json, b.seen_at]).toEqual([null, null, null])
  })

  it('binds named parameters with their BigQuery types', async () => {
    const rows: DecodedRow[] = (
      await bq.query({
        query:
          'SELECT line_key FROM usage.cost WHERE usage_date = @day AND amount_usd > @min AND line_key IN UNNEST(@keys)',
        params: { day: bq.date('2024-01-02'), min: 2, keys: ['a', 'b'] },
      })
    )[0]
    expect(rows).toEqual([{ line_key: 'b' }])
    const body = double.requests.at(-1)!.jobConfig as { queryParameters: unknown[] }
    expect(body.queryParameters).toContainEqual({
      name: 'day',
      parameterType: { type: 'DATE' },
      parameterValue: { value: '2024-01-02' },
    })
  })

  it('runs a MERGE with a partition filter and records it as one table modification', async () => {
    const before = double.tableModifications('usage.cost').length
    await bq.query({
      query: MERGE,
      params: { from: bq.date('2024-01-01'), to: bq.date('2024-01-31') },
    })
    const merges = double.statements().filter((s) => s.kind === 'MERGE')
    expect(merges).toEqual([
      expect.objectContaining({ target: 'usage.cost', filtersPartition: true, affectedRows: 2 }),
    ])
    expect(double.tableModifications('usage.cost')).toHaveLength(before + 1)
    const rows = await double.rows('usage.cost', 'line_key')
    expect(rows.map((r) => [r.line_key, r.amount_usd])).toEqual([
      ['a', '1.100000000'],
      ['b', '7.500000000'],
      ['c', '0.000000001'],
    ])
  })

  it('records a MERGE without a partition filter as such', async () => {
    await bq.query(
      "MERGE usage.cost T USING (SELECT 'a' AS line_key) S ON T.line_key = S.line_key WHEN MATCHED THEN DELETE",
    )
    expect(double.statements().at(-1)).toMatchObject({
      kind: 'MERGE',
      filtersPartition: false,
      affectedRows: 1,
    })
  })

  it('commits a multi-statement transaction and counts its DML once committed', async () => {
    const before = double.tableModifications().length
    await bq.query(`BEGIN TRANSACTION;
      DELETE FROM usage.cost WHERE usage_date = '2024-01-01';
      INSERT INTO usage.cost (usage_date, line_key, amount_usd) VALUES ('2024-01-01', 'z', 3);
      COMMIT TRANSACTION;`)
    expect(
      double
        .tableModifications()
        .slice(before)
        .map((m) => m.statement),
    ).toEqual(['DELETE', 'INSERT'])
    expect((await double.rows('usage.cost', 'line_key')).map((r) => r.line_key)).toEqual(['b', 'z'])
  })

  it('rolls a failed transaction back completely', async () => {
    const failing = bq.query(`BEGIN TRANSACTION;
      DELETE FROM usage.cost WHERE TRUE;
      INSERT INTO usage.nope (x) VALUES (1);
      COMMIT TRANSACTION;`)
    await expect(failing).rejects.toMatchObject({ code: 404 })
    expect(await double.rows('usage.cost')).toHaveLength(2)
  })

  it('refuses DDL inside a transaction, as BigQuery does', async () => {
    const ddl = bq.query('BEGIN TRANSACTION; DROP TABLE usage.cost; COMMIT TRANSACTION;')
    await expect(ddl).rejects.toThrow(
      /DROP_TABLE is not supported inside a multi-statement transaction/,
    )
    expect(await double.rows('usage.cost')).toHaveLength(2)
  })

  it('pages results through pageToken when they exceed a page', async () => {
    await bq.query(`INSERT INTO usage.cost (usage_date, line_key, amount_usd) VALUES
      ('2024-02-01', 'k1', 1), ('2024-02-01', 'k2', 1), ('2024-02-01', 'k3', 1)`)
    const rows: DecodedRow[] = (
      await bq.query('SELECT line_key FROM usage.cost ORDER BY line_key')
    )[0]
    expect(rows.map((r) => r.line_key)).toEqual(['a', 'b', 'k1', 'k2', 'k3'])
    const pages = double.requests.filter((r) => r.api === 'jobs.getQueryResults')
    expect(pages.map((r) => r.query.pageToken)).toEqual(['2', '4'])
  })

  it('lists table rows page by page (tabledata.list), and lists and cancels jobs', async () => {
    const rows: DecodedRow[] = (await bq.dataset('usage').table('cost').getRows())[0]
    expect(rows.map((r) => r.line_key)).toEqual(['a', 'b'])
    expect(valueOf(rows[1]!.usage_date)).toBe('2024-01-02')
    const [jobs] = await bq.getJobs()
    expect(jobs.length).toBeGreaterThan(0)
    const [cancelled] = await jobs[0]!.cancel()
    expect(cancelled).toMatchObject({
      kind: 'bigquery#jobCancelResponse',
      job: { status: { state: 'DONE' } },
    })
  })

  it('supports jobs.insert + getQueryResults (createQueryJob) as well as jobs.query', async () => {
    const [job] = await bq.createQueryJob({
      query: 'SELECT SUM(amount_usd) AS total FROM usage.cost',
    })
    const rows: DecodedRow[] = (await job.getQueryResults())[0]
    expect(fixed(rows[0]!.total)).toBe('3.3')
    expect(job.metadata).toMatchObject({ statistics: { query: { statementType: 'SELECT' } } })
  })

  it('answers a syntax error with a BigQuery invalidQuery error', async () => {
    await expect(bq.query('SELEC 1')).rejects.toMatchObject({
      code: 400,
      errors: [expect.objectContaining({ reason: 'invalidQuery' })],
    })
  })

  it('refuses statements the double cannot translate instead of pretending', async () => {
    await expect(bq.query('DECLARE x INT64')).rejects.toThrow(/does not support statement DECLARE/)
    await expect(bq.query("SELECT DATE_TRUNC(DATE '2024-01-03', WEEK)")).rejects.toThrow(
      /date part WEEK/,
    )
  })

  it('enforces require_partition_filter the way BigQuery does', async () => {
    await bq.query('ALTER TABLE usage.cost SET OPTIONS (require_partition_filter = TRUE)')
    await expect(bq.query('SELECT COUNT(*) FROM usage.cost')).rejects.toThrow(
      /without a filter over column\(s\) 'usage_date'/,
    )
    const rows: DecodedRow[] = (
      await bq.query("SELECT COUNT(*) AS n FROM usage.cost WHERE usage_date >= '2024-01-01'")
    )[0]
    expect(rows).toEqual([{ n: 2 }])
  })

  it('finds datasets only in their own location', async () => {
    await expect(
      bq.query({ query: 'SELECT 1 FROM usage.cost', location: 'US' }),
    ).rejects.toMatchObject({
      code: 404,
      message: expect.stringMatching(/was not found in location US/),
    })
  })

  it('resolves unqualified tables against the default dataset', async () => {
    const [rows] = await bq.dataset('usage').query('SELECT COUNT(*) AS n FROM cost')
    expect(rows).toEqual([{ n: 2 }])
  })
})
