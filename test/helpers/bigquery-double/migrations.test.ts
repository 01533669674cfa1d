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

async function applyBigQuery(expirationDays: string): Promise<void> {
  const values = { dataset: 'acme-test.ai_usage', partition_expiration_days: expirationDays }
  for (const file of migrationFiles('bigquery')) {
    const sql = readFileSync(join(SQL, 'bigquery', 'migrations', file), 'utf8')
    await bq.query({ query: substitutePlaceholders(sql, values), location: 'EU' })
  }
}

/** table → 'column TYPE REQUIRED|NULLABLE' lines, from the DuckDB migrations. */
async function duckdbColumns(): Promise<Map<string, string[]>> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  for (const file of migrationFiles('duckdb')) {
    await connection.run(readFileSync(join(SQL, 'duckdb', 'migrations', file), 'utf8'))
  }
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  )
  const tables = new Map<string, string[]>()
  for (const [table, column, type, nullable] of reader.getRows().map((r) => r.map(String))) {
    const mode = nullable === 'YES' ? 'NULLABLE' : 'REQUIRED'
    tables.set(table!, [
      ...(tables.get(table!) ?? []),
      `${column} ${EXPECTED_TYPE[type!] ?? type} ${mode}`,
    ])
  }
  connection.closeSync()
  instance.closeSync()
  return tables
}

function describeFields(fields: FieldSchema[]): string[] {
  return fields.map((f) => `${f.name} ${f.type} ${f.mode}`)
}

describe('sql/bigquery/migrations', () => {
  it('create the same tables and columns as the DuckDB migrations', async () => {
    await applyBigQuery('400')
    const bigquery = new Map(
      (await double.tables()).map((t) => [
        t.tableReference.tableId,
        describeFields(t.schema.fields),
      ]),
    )
    const duckdb = await duckdbColumns()
    expect([...bigquery.keys()].sort()).toEqual([...duckdb.keys()].sort())
    for (const [table, columns] of duckdb) expect(bigquery.get(table), table).toEqual(columns)
  })

  it('partition activity tables by usage_date with the configured retention, and cluster all', async () => {
    await applyBigQuery('400')
    for (const table of await double.tables()) {
      const name = table.tableReference.tableId
      const hasDay = table.schema.fields.some((f) => f.name === 'usage_date')
      expect(table.clustering?.fields.length, name).toBeGreaterThan(0)
      expect(table.requirePartitionFilter ?? false, name).toBe(false)
      if (hasDay) {
        expect(table.timePartitioning, name).toEqual({
          type: 'DAY',
          field: 'usage_date',
          expirationMs: String(400 * 86_400_000),
        })
      } else if (name.startsWith('_ingest_') && name !== '_ingest_state') {
        expect(table.timePartitioning, name).toEqual({ type: 'DAY', field: 'started_at' })
      } else {
        expect(table.timePartitioning, name).toBeUndefined()
      }
    }
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
