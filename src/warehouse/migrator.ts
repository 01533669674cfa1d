// The engine-neutral migrator: plan from files + ledger, apply pending migrations in order,
// then recreate every view. Engines plug in through MigrationDriver. Where the engine has
// transactional DDL a migration and its ledger row commit together, so a failed file leaves
// no trace; elsewhere the ledger row is written after the statements (document single runner).
// Like Kysely it reports per file and never throws for a failed file.

import { PipelineError, toPipelineError } from '../core/errors.js'
import { systemClock, type Clock } from '../core/clock.js'
import { silentLogger, type Logger } from '../core/logger.js'
import { leadingWords } from './sql-split.js'
import { planMigrations, readSqlFiles, type LedgerEntry, type SqlFile } from './migration-files.js'
import type { Capabilities, MigrateReport, MigrationResult } from './warehouse.js'

export type { LedgerEntry } from './migration-files.js'

/** What the migrator needs from a connection (inside or outside a transaction). */
export interface MigrationSession {
  execute(sql: string): Promise<void>
  /** Inserts one `_ingest_migrations(name, checksum, applied_at)` row. */
  recordMigration(entry: Required<LedgerEntry>): Promise<void>
}

export interface MigrationDriver extends MigrationSession {
  readonly capabilities: Capabilities
  /** Creates `_ingest_migrations` if it does not exist. */
  ensureLedger(): Promise<void>
  /** The recorded migrations; empty when the ledger table does not exist yet. */
  readLedger(): Promise<LedgerEntry[]>
  /** Runs `fn` in one transaction; only called when `supportsTransactionalDdl`. */
  transaction(fn: (tx: MigrationSession) => Promise<void>): Promise<void>
}

export interface MigrateOptions {
  /** Plan and list the statements without running anything; 'applied' then means "would apply". */
  dryRun?: boolean
  /** Root holding `<dialect>/migrations` and `<dialect>/views`; defaults to the package's `sql/`. */
  sqlDir?: string
  clock?: Clock
  logger?: Logger
}

/** Applies pending migrations, then (re)creates every view. Never throws for a failed file. */
export async function runMigrations(
  driver: MigrationDriver,
  options: MigrateOptions = {},
): Promise<MigrateReport> {
  const report: MigrateReport = { results: [], statements: [] }
  try {
    const files = await readSqlFiles(driver.capabilities.dialect, options.sqlDir)
    if (!options.dryRun) await driver.ensureLedger()
    const plan = planMigrations(files.migrations, await driver.readLedger())
    if (plan.problems.size > 0) return reportProblems(report, files, plan.problems)
    const ok = await applyMigrations(driver, files.migrations, plan.pending, report, options)
    if (ok) await createViews(driver, files.views, report, options)
    else for (const view of files.views) report.results.push(result(view, 'skipped'))
  } catch (error) {
    report.error ??= toPipelineError(error, 'MIGRATION_FAILED')
  }
  return report
}

function result(file: SqlFile, status: MigrationResult['status'], error?: Error): MigrationResult {
  const out: MigrationResult = { name: file.name, kind: file.kind, status }
  if (error) out.error = error.message
  return out
}

function reportProblems(
  report: MigrateReport,
  files: { migrations: SqlFile[]; views: SqlFile[] },
  problems: Map<string, PipelineError>,
): MigrateReport {
  const known = new Set(files.migrations.map((f) => f.name))
  for (const file of files.migrations) {
    const problem = problems.get(file.name)
    report.results.push(result(file, problem ? 'failed' : 'skipped', problem))
  }
  for (const [name, problem] of problems) {
    if (!known.has(name))
      report.results.push({ name, kind: 'migration', status: 'failed', error: problem.message })
  }
  for (const view of files.views) report.results.push(result(view, 'skipped'))
  report.error = [...problems.values()][0]
  return report
}

async function applyMigrations(
  driver: MigrationDriver,
  all: SqlFile[],
  pending: SqlFile[],
  report: MigrateReport,
  options: MigrateOptions,
): Promise<boolean> {
  let failed = false
  for (const file of all) {
    if (failed || !pending.includes(file)) {
      report.results.push(result(file, 'skipped'))
      continue
    }
    report.statements.push(...file.statements)
    const error = options.dryRun ? undefined : await applyOne(driver, file, options)
    report.results.push(result(file, error ? 'failed' : 'applied', error))
    if (error) report.error ??= error
    failed = error !== undefined
  }
  return !failed
}

async function applyOne(driver: MigrationDriver, file: SqlFile, options: MigrateOptions) {
  const entry = {
    name: file.name,
    checksum: file.checksum,
    appliedAt: (options.clock ?? systemClock).now().toISOString(),
  }
  const run = async (session: MigrationSession) => {
    for (const statement of file.statements) await session.execute(statement)
    await session.recordMigration(entry)
  }
  try {
    if (driver.capabilities.supportsTransactionalDdl) await driver.transaction(run)
    else await run(driver)
    ;(options.logger ?? silentLogger).info('migration.applied', { migration: file.name })
    return undefined
  } catch (error) {
    const rolledBack = driver.capabilities.supportsTransactionalDdl
    return failure(file, error, rolledBack ? 'it was rolled back' : 'it may be partly applied')
  }
}

function failure(file: SqlFile, error: unknown, state: string): PipelineError {
  const cause = toPipelineError(error, 'MIGRATION_FAILED')
  return new PipelineError(
    'MIGRATION_FAILED',
    `${file.kind === 'view' ? 'View' : 'Migration'} ${file.name} failed (${state}): ${cause.message}. ` +
      'Fix the SQL file and run migrate again.',
    { cause, context: { migration: file.name } },
  )
}

async function createViews(
  driver: MigrationDriver,
  views: SqlFile[],
  report: MigrateReport,
  options: MigrateOptions,
): Promise<void> {
  for (const view of views) {
    report.statements.push(...view.statements)
    const error = options.dryRun ? undefined : await createView(driver, view)
    report.results.push(result(view, error ? 'failed' : 'applied', error))
    if (error) report.error ??= error
  }
}

/** View files may only hold CREATE OR REPLACE VIEW, so re-running them is always safe. */
async function createView(driver: MigrationDriver, view: SqlFile) {
  const dialect = driver.capabilities.dialect
  const bad = view.statements.find(
    (s) => leadingWords(s, 4, dialect).join(' ') !== 'CREATE OR REPLACE VIEW',
  )
  if (bad !== undefined || view.statements.length === 0) {
    const reason = new Error('a view file may only contain CREATE OR REPLACE VIEW statements')
    return failure(view, reason, 'nothing ran')
  }
  try {
    for (const statement of view.statements) await driver.execute(statement)
    return undefined
  } catch (error) {
    return failure(view, error, 'the other views still ran')
  }
}
