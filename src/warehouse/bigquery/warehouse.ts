// The BigQuery warehouse. Loads are deferred (capabilities.defersCommit): `load()` stages a
// chunk with batch load jobs, `flush()` commits everything staged in one multi-statement
// transaction, so each target table is modified once per flush however long the backfill —
// far under BigQuery's 1,500 modifications per table per day. `close()` flushes what is
// left, so a caller that never flushes still commits. The rest delegates to its modules.

import { PipelineError } from '../../core/errors.js'
import type { Clock } from '../../core/clock.js'
import type { Day } from '../../core/days.js'
import type { Logger } from '../../core/logger.js'
import type {
  FlushReport,
  LoadRecord,
  LoadRequest,
  LoadResult,
  MigrateReport,
  QueryOptions,
  ResourceState,
  RunRecord,
  Warehouse,
} from '../warehouse.js'
import { LoadBatch } from './batch.js'
import { saveRunSql, selectCursor, selectRun, selectStates } from './bookkeeping.js'
import { BIGQUERY_CAPABILITIES, ParamBag } from './dialect.js'
import { classifyBigQueryError } from './errors.js'
import { migrateBigQuery } from './migrate.js'
import { runReadOnlyQuery } from './read-only-query.js'
import type { BigQuerySession } from './session.js'
import type { StageLimits } from './staging.js'

export interface BigQueryWarehouseDeps {
  session: BigQuerySession
  sqlDir?: string
  retentionDays?: number
  limits: StageLimits
  logger: Logger
  clock: Clock
  beforeCommit?: (request: LoadRequest) => void | Promise<void>
}

export class BigQueryWarehouse implements Warehouse {
  readonly capabilities = BIGQUERY_CAPABILITIES
  private batch: LoadBatch
  /** Modifications outside batches (run records) since the last flush. */
  private extra: Record<string, number> = {}
  private closed = false

  constructor(private readonly deps: BigQueryWarehouseDeps) {
    this.batch = this.newBatch()
  }

  migrate(options: { dryRun?: boolean } = {}): Promise<MigrateReport> {
    this.assertOpen()
    const { session, sqlDir, retentionDays, clock, logger } = this.deps
    return migrateBigQuery(session, { ...options, sqlDir, retentionDays, clock, logger })
  }

  async load(request: LoadRequest): Promise<LoadResult> {
    this.assertOpen()
    return this.batch.stage(request)
  }

  recordLoad(record: LoadRecord): Promise<void> {
    this.assertOpen()
    this.batch.recordFailure(record) // committed with the next flush's load records
    return Promise.resolve()
  }

  async flush(): Promise<FlushReport> {
    this.assertOpen()
    return this.flushBatch()
  }

  async saveRun(run: RunRecord): Promise<void> {
    this.assertOpen()
    const bag = new ParamBag()
    const sql = saveRunSql(this.deps.session.path('_ingest_runs'), run, bag)
    await this.deps.session.execute(sql, { op: 'write', table: '_ingest_runs' }, bag)
    this.extra._ingest_runs = (this.extra._ingest_runs ?? 0) + 1
  }

  getRun(runId: string): Promise<RunRecord | undefined> {
    this.assertOpen()
    return selectRun(this.deps.session, runId)
  }

  getCursor(vendor: string, resource: string): Promise<Day | undefined> {
    this.assertOpen()
    return selectCursor(this.deps.session, vendor, resource)
  }

  listStates(): Promise<ResourceState[]> {
    this.assertOpen()
    return selectStates(this.deps.session)
  }

  async query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]> {
    this.assertOpen()
    return (await runReadOnlyQuery(this.deps.session, sql, options)) as T[]
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (!this.batch.isEmpty) {
      this.deps.logger.warn('warehouse.flush_on_close', { engine: 'bigquery' })
      await this.flushBatch().finally(() => (this.closed = true))
    }
    this.closed = true
  }

  private async flushBatch(): Promise<FlushReport> {
    const batch = this.batch
    this.batch = this.newBatch() // loads arriving during the commit go to the next flush
    const started = this.deps.clock.now().getTime()
    try {
      const report = await batch.commit()
      report.tableModifications = this.takeModifications(batch)
      this.deps.logger.debug('warehouse.flushed', {
        engine: 'bigquery',
        loads: report.loadIds.length,
        tableModifications: report.tableModifications,
        durationMs: this.deps.clock.now().getTime() - started,
      })
      return report
    } catch (error) {
      this.takeModifications(batch)
      throw classifyBigQueryError(error, { op: 'flush' })
    }
  }

  private takeModifications(batch: LoadBatch): Record<string, number> {
    const all = { ...batch.modifications }
    for (const [table, n] of Object.entries(this.extra)) all[table] = (all[table] ?? 0) + n
    this.extra = {}
    return all
  }

  private newBatch(): LoadBatch {
    const { session, clock, limits, beforeCommit } = this.deps
    return new LoadBatch({ session, clock, limits, beforeCommit })
  }

  private assertOpen(): void {
    if (this.closed) throw new PipelineError('INTERNAL', 'The BigQuery warehouse is closed.')
  }
}
