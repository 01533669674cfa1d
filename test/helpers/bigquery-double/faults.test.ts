import { BigQuery } from '@google-cloud/bigquery'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../tmp.js'
import { startBigQueryDouble, type BigQueryDouble } from './index.js'

const tmp = createTmpDirs()
let double: BigQueryDouble
let bq: BigQuery

beforeEach(async () => {
  double = await startBigQueryDouble()
  // autoRetry off: the client would otherwise retry 403 rateLimitExceeded itself after ≥1 s
  // of real backoff; the engine decides about retries, and tests do not sleep.
  bq = new BigQuery(double.clientOptions({ autoRetry: false }))
  await bq.createDataset('usage')
  await bq.query('CREATE TABLE usage.t (d DATE NOT NULL, v INT64) PARTITION BY d')
})
afterEach(async () => {
  await double.close()
  tmp.cleanup()
})

describe('failNext', () => {
  it('fails a query with rateLimitExceeded as BigQuery does (HTTP 403, reason in errors[])', async () => {
    double.failNext(1, { reason: 'rateLimitExceeded' })
    const failure = bq.query('SELECT 1 AS x')
    await expect(failure).rejects.toMatchObject({
      code: 403,
      errors: [expect.objectContaining({ reason: 'rateLimitExceeded' })],
      message: expect.stringMatching(/Exceeded rate limits/),
    })
    expect(double.requests.at(-1)).toMatchObject({
      api: 'jobs.query',
      status: 403,
      injectedFault: 'rateLimitExceeded',
    })
    const [rows] = await bq.query('SELECT 1 AS x')
    expect(rows).toEqual([{ x: 1 }])
  })

  it('only fails requests that match, and counts down', async () => {
    double.failNext(2, { reason: 'backendError', match: (r) => r.api === 'tables.get' })
    await bq.query('SELECT 1 AS x')
    const table = bq.dataset('usage').table('t')
    await expect(table.getMetadata()).rejects.toMatchObject({
      code: 503,
      errors: [expect.objectContaining({ reason: 'backendError' })],
    })
    await expect(table.getMetadata()).rejects.toMatchObject({ code: 503 })
    await expect(table.getMetadata()).resolves.toBeDefined()
  })

  it('can fail a load job itself (DONE with errorResult) and leave the table untouched', async () => {
    double.failNext(1, {
      reason: 'rateLimitExceeded',
      as: 'job',
      match: (r) => r.api === 'jobs.upload',
    })
    const file = join(tmp.make('bq-fault-'), 'rows.json')
    writeFileSync(file, '{"d":"2024-01-01","v":1}\n')
    const load = bq
      .dataset('usage')
      .table('t')
      .load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON' })
    await expect(load).rejects.toMatchObject({
      errors: [expect.objectContaining({ reason: 'rateLimitExceeded' })],
    })
    expect(await double.rows('usage.t')).toEqual([])
    expect(double.tableModifications('usage.t')).toEqual([])
    const upload = double.requests.find((r) => r.api === 'jobs.upload')!
    expect(double.requests.find((r) => r.api === 'jobs.get')?.jobId).toBe(upload.jobId)
  })

  it('retries nothing by itself: a failed MERGE changes no rows and counts no modification', async () => {
    double.failNext(1, { reason: 'backendError', match: (r) => r.api === 'jobs.query' })
    const merge =
      "MERGE usage.t T USING (SELECT DATE '2024-01-01' AS d, 1 AS v) S ON T.d = S.d WHEN NOT MATCHED THEN INSERT ROW"
    await expect(bq.query(merge)).rejects.toMatchObject({ code: 503 })
    expect(double.tableModifications()).toEqual([])
    await bq.query(merge)
    expect(double.tableModifications()).toHaveLength(1)
  })
})
