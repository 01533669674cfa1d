// The DuckDB warehouse: one embedded database file, one write connection behind a promise-queue
// mutex (DuckDB has a single writer, and a transaction belongs to its connection), and a fresh
// connection per read so reads never wait for a load. Everything else lives in the modules it
// delegates to: load.ts (the load transaction), bookkeeping.ts, read-only-query.ts, the migrator.

import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import type { Clock } from '../../core/clock.js'
import type { Day } from '../../core/days.js'
import type { Logger } from '../../core/logger.js'
import { runMigrations } from '../migrator.js'
import type {
  LoadRecord,
  LoadRequest,
  LoadResult,
  MigrateReport,
  QueryOptions,
  ResourceState,
  RunRecord,
  Warehouse,
} from '../warehouse.js'
import {
  insertLoadRecord,
  selectCursor,
  selectRun,
  selectStates,
  upsertRun,
} from './bookkeeping.js'
import { DUCKDB_CAPABILITIES } from './dialect.js'
import { callDuckdb } from './errors.js'
import { runLoad } from './load.js'
import { createDuckdbMigrationDriver } from './migration-driver.js'
import { runReadOnlyQuery } from './read-only-query.js'
import { SerialQueue } from './serial-queue.js'

export interface DuckdbWarehouseDeps {
  instance: DuckDBInstance
  /** Absent when opened read-only. */
  writer?: DuckDBConnection
  path: string
  sqlDir?: string
  logger: Logger
  clock: Clock
  beforeCommit?: (request: LoadRequest) => void | Promise<void>
}

export class DuckdbWarehouse implements Warehouse {
  readonly capabilities = DUCKDB_CAPABILITIES
  private readonly queue = new SerialQueue()
  private closed = false

  constructor(private readonly deps: DuckdbWarehouseDeps) {}

  migrate(options: { dryRun?: boolean } = {}): Promise<MigrateReport> {
    const { sqlDir, clock, logger } = this.deps
    return this.write((conn) =>
      runMigrations(createDuckdbMigrationDriver(conn), { ...options, sqlDir, clock, logger }),
    )
  }

  load(request: LoadRequest): Promise<LoadResult> {
    return this.write(async (conn) => {
      const started = this.deps.clock.now().getTime()
      const result = await runLoad(conn, request, this.deps)
      // Debug only: the pipeline logs the user-facing `load.committed` event itself.
      this.deps.logger.debug('warehouse.load.committed', {
        loadId: request.record.loadId,
        runId: request.record.runId,
        rows: result.rowsWritten,
        durationMs: this.deps.clock.now().getTime() - started,
      })
      return result
    })
  }

  recordLoad(record: LoadRecord): Promise<void> {
    return this.write((conn) => insertLoadRecord(conn, record))
  }

  saveRun(run: RunRecord): Promise<void> {
    return this.write((conn) => upsertRun(conn, run))
  }

  getRun(runId: string): Promise<RunRecord | undefined> {
    return this.read((conn) => selectRun(conn, runId))
  }

  getCursor(vendor: string, resource: string): Promise<Day | undefined> {
    return this.read((conn) => selectCursor(conn, vendor, resource))
  }

  listStates(): Promise<ResourceState[]> {
    return this.read((conn) => selectStates(conn))
  }

  async query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]> {
    this.assertOpen()
    return (await runReadOnlyQuery(this.deps.instance, sql, options)) as T[]
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.queue.drain()
    this.deps.writer?.closeSync()
    this.deps.instance.closeSync()
  }

  private async write<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    this.assertOpen()
    const writer = this.deps.writer
    if (!writer) {
      const message = `${this.deps.path} is open read-only; writes need a read-write warehouse.`
      throw new PipelineError('WAREHOUSE_QUERY', message, { context: { readOnly: true } })
    }
    return this.queue.run(() => task(writer))
  }

  private async read<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    this.assertOpen()
    const conn = await callDuckdb({ op: 'read' }, () => this.deps.instance.connect())
    try {
      return await task(conn)
    } finally {
      conn.closeSync()
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new PipelineError('INTERNAL', 'The DuckDB warehouse is closed.')
  }
}
