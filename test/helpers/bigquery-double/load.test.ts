import { BigQuery, type Table } from '@google-cloud/bigquery'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../tmp.js'
import { fixed, valueOf, type DecodedRow } from './decoded.js'
import { startBigQueryDouble, type BigQueryDouble } from './index.js'

const tmp = createTmpDirs()
let double: BigQueryDouble
let bq: BigQuery
let table: Table

const SCHEMA = {
  fields: [
    { name: 'usage_date', type: 'DATE', mode: 'REQUIRED' },
    { name: 'line_key', type: 'STRING', mode: 'REQUIRED' },
    { name: 'amount_usd', type: 'NUMERIC', mode: 'REQUIRED' },
    { name: 'tokens', type: 'INT64' },
    { name: 'is_remote', type: 'BOOL' },
    { name: 'raw_json', type: 'JSON' },
    { name: '_loaded_at', type: 'TIMESTAMP' },
  ],
}
const LOAD = { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema: SCHEMA }

beforeEach(async () => {
  double = await startBigQueryDouble({ projectId: 'acme-test' })
  bq = new BigQuery(double.clientOptions())
  const [dataset] = await bq.createDataset('usage', { location: 'EU' })
  table = dataset.table('cost')
})
afterEach(async () => {
  await double.close()
  tmp.cleanup()
})

function ndjson(rows: object[]): string {
  const file = join(tmp.make('bq-load-'), 'rows.ndjson')
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  return file
}

const row = (day: string, key: string, amount: string) => ({
  usage_date: day,
  line_key: key,
  amount_usd: amount,
  tokens: '9007199254740993',
  is_remote: true,
  raw_json: { nested: { amount } },
  _loaded_at: '2024-01-02T03:04:05.123456Z',
})

describe('load jobs (table.load of an NDJSON file: multipart upload)', () => {
  it('creates the table when needed and reads the rows back exactly', async () => {
    const [job] = await table.load(
      ndjson([row('2024-01-01', 'a', '12345678901234567890.123456789')]),
      {
        ...LOAD,
        writeDisposition: 'WRITE_TRUNCATE',
        createDisposition: 'CREATE_IF_NEEDED',
      },
    )
    expect(job.status).toEqual({ state: 'DONE' })
    expect(job.statistics?.load?.outputRows).toBe('1')

    const rows: DecodedRow[] = (
      await bq.query({ query: 'SELECT * FROM usage.cost', wrapIntegers: true })
    )[0]
    const first = rows[0]!
    expect(fixed(first.amount_usd)).toBe('12345678901234567890.123456789')
    expect(valueOf(first.usage_date)).toBe('2024-01-01')
    expect(valueOf(first.tokens)).toBe('9007199254740993')
    expect(first.is_remote).toBe(true)
    expect(JSON.parse(String(first.raw_json))).toEqual({
      nested: { amount: '12345678901234567890.123456789' },
    })
    expect(valueOf(first._loaded_at)).toBe('2024-01-02T03:04:05.123456000Z')
  })

  it('appends with WRITE_APPEND and replaces with WRITE_TRUNCATE', async () => {
    await table.load(ndjson([row('2024-01-01', 'a', '1.5')]), LOAD)
    await table.load(ndjson([row('2024-01-01', 'b', '2.25')]), {
      ...LOAD,
      writeDisposition: 'WRITE_APPEND',
    })
    expect((await double.rows('usage.cost', 'line_key')).map((r) => r.line_key)).toEqual(['a', 'b'])
    await table.load(ndjson([row('2024-01-02', 'c', '3')]), {
      ...LOAD,
      writeDisposition: 'WRITE_TRUNCATE',
    })
    expect(await double.rows('usage.cost')).toMatchObject([
      { line_key: 'c', amount_usd: '3.000000000' },
    ])
  })

  it('replaces one partition through a $YYYYMMDD decorator and keeps the others', async () => {
    await table.load(ndjson([row('2024-01-01', 'a', '1'), row('2024-01-02', 'b', '2')]), {
      ...LOAD,
      timePartitioning: { type: 'DAY', field: 'usage_date' },
    })
    await bq
      .dataset('usage')
      .table('cost$20240102')
      .load(ndjson([row('2024-01-02', 'b2', '5')]), {
        ...LOAD,
        writeDisposition: 'WRITE_TRUNCATE',
      })
    expect((await double.rows('usage.cost', 'line_key')).map((r) => r.line_key)).toEqual([
      'a',
      'b2',
    ])
  })

  it('records the load configuration and counts one table modification per load', async () => {
    await table.load(ndjson([row('2024-01-01', 'a', '1')]), {
      ...LOAD,
      writeDisposition: 'WRITE_TRUNCATE',
    })
    const upload = double.requests.find((r) => r.api === 'jobs.upload')!
    expect(upload.query.uploadType).toBe('multipart')
    expect(upload.body).toMatchObject({ lines: 1 })
    expect(upload.jobConfig).toMatchObject({
      load: {
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_TRUNCATE',
        destinationTable: { projectId: 'acme-test', datasetId: 'usage', tableId: 'cost' },
      },
    })
    expect(double.tableModifications('usage.cost')).toEqual([
      { table: 'usage.cost', kind: 'load', jobId: upload.jobId },
    ])
  })

  it('also accepts table.createWriteStream (the same multipart upload)', async () => {
    const stream = table.createWriteStream({ ...LOAD, writeDisposition: 'WRITE_APPEND' })
    const done = new Promise((resolve, reject) =>
      stream.on('complete', resolve).on('error', reject),
    )
    stream.end(JSON.stringify(row('2024-01-03', 's', '7')) + '\n')
    await done
    expect(await double.rows('usage.cost')).toMatchObject([
      { line_key: 's', amount_usd: '7.000000000' },
    ])
  })

  it('fails the whole job on a bad row and writes nothing (loads are atomic)', async () => {
    await table.load(ndjson([row('2024-01-01', 'a', '1')]), LOAD)
    const bad = [row('2024-01-02', 'b', '2'), { ...row('2024-01-02', 'c', '3'), surprise: 1 }]
    const failure = table.load(ndjson(bad), { ...LOAD, writeDisposition: 'WRITE_TRUNCATE' })
    await expect(failure).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({
          reason: 'invalid',
          message: expect.stringMatching(/No such field: surprise/),
        }),
      ]),
    })
    expect((await double.rows('usage.cost')).map((r) => r.line_key)).toEqual(['a'])
    expect(double.tableModifications('usage.cost')).toHaveLength(1)
  })

  it('rejects NUMERIC values with more than 9 decimals instead of rounding them', async () => {
    const failure = table.load(ndjson([row('2024-01-01', 'a', '0.1234567891')]), LOAD)
    await expect(failure).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ message: expect.stringMatching(/Invalid NUMERIC value/) }),
      ]),
    })
  })

  it('honours CREATE_NEVER and a provided schema that does not match the table', async () => {
    const never = table.load(ndjson([row('2024-01-01', 'a', '1')]), {
      ...LOAD,
      createDisposition: 'CREATE_NEVER',
    })
    await expect(never).rejects.toMatchObject({
      errors: [expect.objectContaining({ reason: 'notFound' })],
    })
    await table.load(ndjson([row('2024-01-01', 'a', '1')]), LOAD)
    const fields = SCHEMA.fields.map((f) => (f.name === 'tokens' ? { ...f, type: 'STRING' } : f))
    const mismatch = table.load(ndjson([row('2024-01-01', 'b', '1')]), {
      ...LOAD,
      schema: { fields },
    })
    await expect(mismatch).rejects.toThrow(/Field tokens has changed type from INTEGER to STRING/)
  })

  it('refuses a load without sourceFormat (BigQuery would read it as CSV)', async () => {
    const failure = table.load(ndjson([row('2024-01-01', 'a', '1')]), { schema: SCHEMA } as never)
    await expect(failure).rejects.toThrow(/sourceFormat/)
  })
})
