// BigQuery's side of the engine-neutral migrator. The dataset is created (in its location)
// when missing, then the ledger. BigQuery DDL is not transactional, so a migration's ledger
// row is written after its statements and migrations are CREATE … IF NOT EXISTS (re-runnable
// after a partial failure); one migrator at a time is assumed (docs/bigquery.md). Each
// statement gets its `{{placeholders}}` filled and is parsed before it is sent.

import { PipelineError } from '../../core/errors.js'
import type { LedgerEntry, MigrationDriver, MigrationSession } from '../migrator.js'
import { BIGQUERY_CAPABILITIES, quoteIdent } from './dialect.js'
import { textOf } from './results.js'
import type { BigQuerySession } from './session.js'
import { checkBigQuerySql, substitutePlaceholders } from './sql-check.js'

export const LEDGER_TABLE = '_ingest_migrations'

/** `CREATE SCHEMA` for the configured dataset, with its location. */
export function createDatasetSql(session: BigQuerySession): string {
  const { projectId, datasetId } = session.dataset
  const location = session.location.replace(/'/g, '')
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(`${projectId}.${datasetId}`)} OPTIONS (location = '${location}')`
}

export function ledgerSql(session: BigQuerySession): string {
  return `CREATE TABLE IF NOT EXISTS ${session.path(LEDGER_TABLE)} (
  name        STRING    NOT NULL,
  checksum    STRING    NOT NULL,
  applied_at  TIMESTAMP NOT NULL
)`
}

export function createBigQueryMigrationDriver(
  session: BigQuerySession,
  placeholders: Readonly<Record<string, string>>,
): MigrationDriver {
  const migrationSession: MigrationSession = {
    execute: (sql) => executeChecked(session, substitutePlaceholders(sql, placeholders)),
    recordMigration: async (entry) => {
      const sql = `INSERT INTO ${session.path(LEDGER_TABLE)} (name, checksum, applied_at) VALUES (@name, @checksum, @appliedAt)`
      const values = {
        name: entry.name,
        checksum: entry.checksum,
        appliedAt: { value: entry.appliedAt },
      }
      const types = { name: 'STRING', checksum: 'STRING', appliedAt: 'TIMESTAMP' }
      await session.execute(sql, { op: 'migrate', table: LEDGER_TABLE }, { values, types })
    },
  }
  return {
    ...migrationSession,
    capabilities: BIGQUERY_CAPABILITIES,
    ensureLedger: async () => {
      if (!(await session.exists(undefined, { op: 'migrate' })))
        await executeChecked(session, createDatasetSql(session))
      await executeChecked(session, ledgerSql(session))
    },
    readLedger: () => readLedger(session),
    transaction: () =>
      Promise.reject(new PipelineError('INTERNAL', 'BigQuery DDL cannot run in a transaction.')),
  }
}

/** Parses with the BigQuery grammar first: a syntax error never reaches the dataset. DDL
 *  that is safe to repeat goes through jobs.query; anything else gets a job id of ours. */
export async function executeChecked(session: BigQuerySession, sql: string): Promise<void> {
  const check = checkBigQuerySql(sql, {})
  if (!check.ok) {
    throw new PipelineError(
      'MIGRATION_FAILED',
      `The statement is not valid BigQuery SQL: ${check.error.split('\n')[0]}`,
    )
  }
  if (IDEMPOTENT_DDL.test(sql)) await session.ddl(sql, { op: 'migrate' })
  else await session.execute(sql, { op: 'migrate' })
}

const IDEMPOTENT_DDL =
  /^\s*(CREATE\s+(OR\s+REPLACE\s+VIEW|(TABLE|SCHEMA)\s+IF\s+NOT\s+EXISTS)|ALTER\s+TABLE\s+\S+\s+SET\s+OPTIONS)\b/i

/** Whether the dataset exists (a dry run creates nothing, so it plans that statement too). */
export function datasetExists(session: BigQuerySession): Promise<boolean> {
  return session.exists(undefined, { op: 'migrate' })
}

async function readLedger(session: BigQuerySession): Promise<LedgerEntry[]> {
  const context = { op: 'migrate' as const, table: LEDGER_TABLE }
  if (!(await session.exists(undefined, context))) return []
  if (!(await session.exists(LEDGER_TABLE, context))) return []
  const sql = `SELECT name, checksum, applied_at FROM ${session.path(LEDGER_TABLE)} ORDER BY name`
  const rows = await session.select(sql, context)
  return rows.map((r) => ({
    name: textOf(r.name),
    checksum: textOf(r.checksum),
    appliedAt: textOf(r.applied_at),
  }))
}
