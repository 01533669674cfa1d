// `migrate` on BigQuery: the engine-neutral migrator with placeholders filled from config,
// plus what only BigQuery needs — the dataset (with its location) when missing, and the
// configured retention re-applied to every table that opts in whose expiration differs.
// The report lists the statements as sent (placeholders filled), so `migrate --dry-run`
// prints SQL that parses and runs as is.

import type { Clock } from '../../core/clock.js'
import type { Logger } from '../../core/logger.js'
import { PipelineError, toPipelineError } from '../../core/errors.js'
import { readSqlFiles } from '../migration-files.js'
import { runMigrations } from '../migrator.js'
import type { MigrateReport } from '../warehouse.js'
import { datasetPlaceholder } from './dialect.js'
import {
  createBigQueryMigrationDriver,
  createDatasetSql,
  datasetExists,
  executeChecked,
  ledgerSql,
} from './migration-driver.js'
import { expirationValue, retentionTables } from './retention.js'
import type { BigQuerySession } from './session.js'
import { substitutePlaceholders } from './sql-check.js'

const DAY_MS = 86_400_000

export interface BigQueryMigrateOptions {
  dryRun?: boolean
  sqlDir?: string
  retentionDays?: number
  clock?: Clock
  logger?: Logger
}

export async function migrateBigQuery(
  session: BigQuerySession,
  options: BigQueryMigrateOptions,
): Promise<MigrateReport> {
  const placeholders = {
    dataset: datasetPlaceholder(session.dataset),
    partition_expiration_days: expirationValue(options.retentionDays),
  }
  let missing: boolean
  try {
    missing = !(await datasetExists(session))
  } catch (error) {
    return { results: [], statements: [], error: toPipelineError(error, 'MIGRATION_FAILED') }
  }
  const driver = createBigQueryMigrationDriver(session, placeholders)
  const report = await runMigrations(driver, options)
  const setup = missing ? [createDatasetSql(session), ledgerSql(session)] : []
  report.statements = [
    ...setup,
    ...report.statements.map((s) => substitutePlaceholders(s, placeholders)),
  ]
  if (!report.error) await applyRetention(session, report, options)
  return report
}

/** ALTER … SET OPTIONS for each opted-in table whose expiration differs from config. */
async function applyRetention(
  session: BigQuerySession,
  report: MigrateReport,
  options: BigQueryMigrateOptions,
): Promise<void> {
  try {
    const files = await readSqlFiles('bigquery', options.sqlDir)
    const wanted = options.retentionDays === undefined ? undefined : options.retentionDays * DAY_MS
    const days = expirationValue(options.retentionDays)
    for (const table of retentionTables(files.migrations)) {
      const current = await currentExpiration(session, table)
      if (current === 'missing' || current === wanted) continue
      const sql = `ALTER TABLE ${session.path(table)} SET OPTIONS (partition_expiration_days = ${days})`
      report.statements.push(sql)
      if (!options.dryRun) await executeChecked(session, sql)
    }
  } catch (error) {
    const cause = toPipelineError(error, 'MIGRATION_FAILED')
    report.error = new PipelineError(
      'MIGRATION_FAILED',
      `Applying the partition expiration from config failed: ${cause.message}`,
      { cause, context: cause.context },
    )
  }
}

async function currentExpiration(session: BigQuerySession, table: string) {
  try {
    const info = await session.fetchTableInfo(table, { op: 'migrate', table })
    return info.partitionExpirationMs === undefined ? undefined : Number(info.partitionExpirationMs)
  } catch (error) {
    if (error instanceof PipelineError && error.context.reason === 'notFound') return 'missing'
    throw error
  }
}
