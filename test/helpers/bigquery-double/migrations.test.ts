// sql/bigquery/migrations executed through the real client against the double, and compared
// with sql/duckdb/migrations run in DuckDB: same tables, same columns, same nullability,
// types mapped as sql/bigquery/README.md says; partitioning and retention as decided there.

import { DuckDBInstance } from '@duckdb/node-api'
import { BigQuery } from '@google-cloud/bigquery'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { substitutePlaceholders } from '../../../src/warehouse/bigquery/sql-check.js'
import { startBigQueryDouble, type BigQueryDouble, type FieldSchema } from './index.js'

const SQL = resolve(import.meta.dirname, '../../../sql')
const EXPECTED_TYPE: Record<string, string> = {
  VARCHAR: 'STRING',
  INTEGER: 'INTEGER',
  BIGINT: 'INTEGER',
  'DECIMAL(38,9)': 'NUMERIC',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
}

let double: BigQueryDouble
let bq: BigQuery
beforeEach(async () => {
  double = await startBigQueryDouble({ projectId: 'acme-test' })
  bq = new BigQuery(double.clientOptions())
  await bq.createDataset('ai_usage', { location: 'EU' })
})
afterEach(async () => double.close())

function migrationFiles(dialect: string): string[] {
  return readdirSync(join(SQL, dialect, 'migrations'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
}

async function applyBigQuery(expirationDays: string, files = migrationFiles('bigquery')) {
  const values = { dataset: 'acme-test.ai_usage', partition_expiration_days: expirationDays }
  for (const file of files) {
    const sql = readFileSync(join(SQL, 'bigquery', 'migrations', file), 'utf8')
    await bq.query({ query: substitutePlaceholders(sql, values), location: 'EU' })
  }
}

let duckdbColumns: Promise<Map<string, Map<string, string[]>>> | undefined

/** Per DuckDB migration file: table → 'column TYPE REQUIRED|NULLABLE' lines it creates. */
function duckdbColumnsByFile() {
  duckdbColumns ??= readDuckdbColumns()
  return duckdbColumns
}

async function readDuckdbColumns(): Promise<Map<string, Map<string, string[]>>> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const byFile = new Map<string, Map<string, string[]>>()
  let known = new Set<string>()
  for (const file of migrationFiles('duckdb')) {
    await connection.run(readFileSync(join(SQL, 'duckdb', 'migrations', file), 'utf8'))
    const reader = await connection.runAndReadAll(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    )
    const tables = new Map<string, string[]>()
    for (const [table, column, type, nullable] of reader.getRows().map((r) => r.map(String))) {
      if (known.has(table!)) continue
      const mode = nullable === 'YES' ? 'NULLABLE' : 'REQUIRED'
      tables.set(table!, [
        ...(tables.get(table!) ?? []),
        `${column} ${EXPECTED_TYPE[type!] ?? type} ${mode}`,
      ])
    }
    byFile.set(file, tables)
    known = new Set([...known, ...tables.keys()])
  }
  connection.closeSync()
  instance.closeSync()
  return byFile
}

function describeFields(fields: FieldSchema[]): string[] {
  return fields.map((f) => `${f.name} ${f.type} ${f.mode}`)
}

describe('sql/bigquery/migrations', () => {
  it.each(migrationFiles('bigquery'))(
    '%s creates the tables and columns of its DuckDB twin',
    async (file) => {
      const duckdb = (await duckdbColumnsByFile()).get(file)
      expect(duckdb, `sql/duckdb/migrations/${file} is missing`).toBeDefined()
      await applyBigQuery('400', [file])
      const tables = await double.tables()
      const bigquery = new Map(
        tables.map((t) => [t.tableReference.tableId, describeFields(t.schema.fields)]),
      )
      expect([...bigquery.keys()].sort()).toEqual([...duckdb!.keys()].sort())
      for (const [table, columns] of duckdb!) expect(bigquery.get(table), table).toEqual(columns)
    },
  )

  it('partition on a date column, usage_date tables with the configured retention', async () => {
    await applyBigQuery('400')
    for (const table of await double.tables()) {
      const name = table.tableReference.tableId
      const partitioning = table.timePartitioning
      const field = table.schema.fields.find((f) => f.name === partitioning?.field)
      expect(table.requirePartitionFilter ?? false, name).toBe(false)
      if (table.schema.fields.some((f) => f.name === 'usage_date'))
        expect(field?.name, name).toBe('usage_date')
      if (!partitioning) continue
      expect(['DATE', 'TIMESTAMP'], name).toContain(field?.type)
      // Activity-day tables expire with the configured retention; run records never do.
      // Other partitioned tables (e.g. snapshots that cannot be re-fetched) choose and say why.
      if (partitioning.field === 'usage_date')
        expect(partitioning.expirationMs, name).toBe(String(400 * 86_400_000))
      if (name.startsWith('_ingest_')) expect(partitioning.expirationMs, name).toBeUndefined()
    }
  })

  it('0001/0002 cluster every table, keep dimensions and cursors unpartitioned, partition run records by start day', async () => {
    await applyBigQuery('400', ['0001_ingest_bookkeeping.sql', '0002_anthropic.sql'])
    const partitioning = new Map(
      (await double.tables()).map((t) => [t.tableReference.tableId, t.timePartitioning]),
    )
    for (const name of [
      '_ingest_state',
      'anthropic_users',
      'anthropic_api_keys',
      'anthropic_workspaces',
    ]) {
      expect(partitioning.get(name), name).toBeUndefined()
    }
    expect(partitioning.get('_ingest_loads')).toEqual({ type: 'DAY', field: 'started_at' })
    expect(partitioning.get('_ingest_runs')).toEqual({ type: 'DAY', field: 'started_at' })
  })

  it('take NULL for no expiration, and can be re-run after a partial failure (IF NOT EXISTS)', async () => {
    await applyBigQuery('NULL')
    await applyBigQuery('NULL')
    const cost = (await double.tables()).find(
      (t) => t.tableReference.tableId === 'anthropic_cost_report',
    )
    expect(cost?.timePartitioning).toEqual({ type: 'DAY', field: 'usage_date' })
  })
})
