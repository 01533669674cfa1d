import { BigQuery } from '@google-cloud/bigquery'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldTypes } from './decoded.js'
import { startBigQueryDouble, type BigQueryDouble } from './index.js'

let double: BigQueryDouble
let bq: BigQuery

beforeEach(async () => {
  double = await startBigQueryDouble({ projectId: 'acme-test' })
  bq = new BigQuery(double.clientOptions())
})
afterEach(async () => double.close())

const SCHEMA = [
  { name: 'usage_date', type: 'DATE', mode: 'REQUIRED' },
  { name: 'workspace_id', type: 'STRING' },
  { name: 'model', type: 'STRING' },
  { name: 'amount_usd', type: 'NUMERIC', mode: 'REQUIRED' },
  { name: 'tokens', type: 'INT64' },
]

describe('datasets', () => {
  it('creates a dataset in a location and reports it back', async () => {
    const [dataset] = await bq.createDataset('usage', { location: 'EU' })
    const [metadata] = await bq.dataset('usage').getMetadata()
    expect(dataset.id).toBe('usage')
    expect(metadata).toMatchObject({
      location: 'EU',
      datasetReference: { projectId: 'acme-test', datasetId: 'usage' },
    })
    expect((await bq.dataset('usage').exists())[0]).toBe(true)
    expect((await bq.dataset('other').exists())[0]).toBe(false)
    expect((await bq.getDatasets())[0].map((d) => d.id)).toEqual(['usage'])
  })

  it('serves only its own project', async () => {
    const other = new BigQuery(double.clientOptions({ projectId: 'someone-else' }))
    await expect(other.createDataset('usage')).rejects.toMatchObject({
      code: 404,
      message: 'Not found: Project someone-else',
    })
  })

  it('refuses a second dataset with the same id (409 duplicate)', async () => {
    await bq.createDataset('usage')
    await expect(bq.createDataset('usage')).rejects.toMatchObject({
      code: 409,
      errors: [{ reason: 'duplicate' }],
    })
  })

  it('answers a missing dataset with 404 notFound', async () => {
    await expect(bq.dataset('nope').getMetadata()).rejects.toMatchObject({
      code: 404,
      errors: [{ reason: 'notFound' }],
    })
  })

  it('deletes a dataset with its tables only when asked to', async () => {
    const [dataset] = await bq.createDataset('usage')
    await dataset.createTable('t', { schema: SCHEMA })
    await expect(dataset.delete()).rejects.toMatchObject({ code: 400 })
    await dataset.delete({ force: true })
    expect((await dataset.exists())[0]).toBe(false)
  })
})

describe('tables', () => {
  it('creates a partitioned, clustered table with expiration through tables.insert', async () => {
    const [dataset] = await bq.createDataset('usage', { location: 'EU' })
    await dataset.createTable('cost', {
      schema: SCHEMA,
      timePartitioning: {
        type: 'DAY',
        field: 'usage_date',
        expirationMs: String(400 * 86_400_000),
      },
      clustering: { fields: ['workspace_id', 'model'] },
      requirePartitionFilter: true,
      description: 'daily cost',
    })
    const [metadata] = await dataset.table('cost').getMetadata()
    expect(metadata).toMatchObject({
      type: 'TABLE',
      location: 'EU',
      timePartitioning: { type: 'DAY', field: 'usage_date', expirationMs: '34560000000' },
      clustering: { fields: ['workspace_id', 'model'] },
      requirePartitionFilter: true,
      description: 'daily cost',
      numRows: '0',
    })
    expect(metadata.schema.fields).toEqual([
      { name: 'usage_date', type: 'DATE', mode: 'REQUIRED' },
      { name: 'workspace_id', type: 'STRING', mode: 'NULLABLE' },
      { name: 'model', type: 'STRING', mode: 'NULLABLE' },
      { name: 'amount_usd', type: 'NUMERIC', mode: 'REQUIRED' },
      { name: 'tokens', type: 'INTEGER', mode: 'NULLABLE' },
    ])
  })

  it('reports DDL-created tables the same way (PARTITION BY / CLUSTER BY / OPTIONS kept)', async () => {
    await bq.createDataset('usage')
    await bq.query(`CREATE TABLE \`acme-test.usage.cost\` (
        usage_date DATE NOT NULL, workspace_id STRING, amount_usd NUMERIC NOT NULL,
        PRIMARY KEY (usage_date, workspace_id) NOT ENFORCED)
      PARTITION BY usage_date CLUSTER BY workspace_id
      OPTIONS (partition_expiration_days = 30, require_partition_filter = FALSE, description = 'c')`)
    const [metadata] = await bq.dataset('usage').table('cost').getMetadata()
    expect(metadata).toMatchObject({
      timePartitioning: { type: 'DAY', field: 'usage_date', expirationMs: String(30 * 86_400_000) },
      clustering: { fields: ['workspace_id'] },
      requirePartitionFilter: false,
      description: 'c',
    })
    expect(fieldTypes(metadata)).toEqual(['DATE', 'STRING', 'NUMERIC'])
  })

  it('patches description and partition expiration, and appends a column', async () => {
    const [dataset] = await bq.createDataset('usage')
    const [table] = await dataset.createTable('cost', {
      schema: SCHEMA,
      timePartitioning: { type: 'DAY', field: 'usage_date', expirationMs: '86400000' },
    })
    await table.setMetadata({
      description: 'patched',
      timePartitioning: { type: 'DAY', field: 'usage_date', expirationMs: '172800000' },
      schema: { fields: [...SCHEMA, { name: 'note', type: 'STRING' }] },
    })
    const [metadata] = await table.getMetadata()
    expect(metadata).toMatchObject({
      description: 'patched',
      timePartitioning: { expirationMs: '172800000' },
    })
    expect((metadata as { schema: { fields: unknown[] } }).schema.fields.at(-1)).toEqual({
      name: 'note',
      type: 'STRING',
      mode: 'NULLABLE',
    })
  })

  it('lists, deletes, and answers a missing table with 404', async () => {
    const [dataset] = await bq.createDataset('usage')
    await dataset.createTable('a', { schema: SCHEMA })
    await dataset.createTable('b', { schema: SCHEMA })
    expect((await dataset.getTables())[0].map((t) => t.id)).toEqual(['a', 'b'])
    await dataset.table('a').delete()
    expect((await dataset.table('a').exists())[0]).toBe(false)
    await expect(dataset.table('a').getMetadata()).rejects.toMatchObject({ code: 404 })
  })

  it('refuses streaming inserts instead of accepting them silently', async () => {
    const [dataset] = await bq.createDataset('usage')
    const [table] = await dataset.createTable('t', { schema: SCHEMA })
    await expect(table.insert([{ usage_date: '2024-01-01', amount_usd: '1' }])).rejects.toThrow(
      /streaming inserts/,
    )
  })

  it('records every request with its REST method name', async () => {
    await bq.createDataset('usage')
    await bq.dataset('usage').getMetadata()
    expect(double.requests.map((r) => [r.method, r.api, r.status])).toEqual([
      ['POST', 'datasets.insert', 200],
      ['GET', 'datasets.get', 200],
    ])
    expect(double.requests[0]!.path).toBe('/bigquery/v2/projects/acme-test/datasets')
  })
})
