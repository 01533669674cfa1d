// A flush generation: the loads staged since the last flush and the one transaction that
// commits them. `stage` appends a load's rows to this generation's staging tables and keeps
// only its bookkeeping (no rows) in memory; `commit` runs BEGIN TRANSACTION; one MERGE per
// target table; the cursor MERGE; the load-record INSERT; COMMIT TRANSACTION as one job.
// Nothing touches a target table before that job, so a crash anywhere leaves the old state.

import { randomBytes } from 'node:crypto'
import type { Clock } from '../../core/clock.js'
import type { Day } from '../../core/days.js'
import type { FlushReport, LoadRecord, LoadRequest, LoadResult, TableLoad } from '../warehouse.js'
import { insertLoadsSql, stateMergeSql, type CursorMove } from './bookkeeping.js'
import { ParamBag } from './dialect.js'
import { applySql, type MergeGroup, type StagedLoad } from './merge-sql.js'
import type { BigQuerySession, TableInfo } from './session.js'
import { createStagingTable, toNdjsonParts, type StageLimits } from './staging.js'
import { validateLoadRequest } from '../rows.js'

export interface BatchDeps {
  session: BigQuerySession
  clock: Clock
  limits: StageLimits
  beforeCommit?: (request: LoadRequest) => void | Promise<void>
}

interface PendingTable extends StagedLoad {
  load: Omit<TableLoad, 'rows'>
}

interface PendingLoad {
  seq: number
  request: LoadRequest
  tables: PendingTable[]
}

export class LoadBatch {
  private readonly tag = randomBytes(5).toString('hex')
  private readonly loads: PendingLoad[] = []
  private readonly failed: LoadRecord[] = []
  private readonly staging = new Map<string, Promise<string>>()
  private readonly inflight = new Set<Promise<unknown>>()
  private seq = 0
  /** Table modifications (BigQuery's per-table daily quota unit) this batch caused. */
  readonly modifications: Record<string, number> = {}

  constructor(private readonly deps: BatchDeps) {}

  get isEmpty(): boolean {
    return this.loads.length === 0 && this.failed.length === 0 && this.inflight.size === 0
  }

  /** Stages one load; it commits with the next flush. */
  stage(request: LoadRequest): Promise<LoadResult> {
    validateLoadRequest(request)
    const seq = ++this.seq // load order is call order, even if staging jobs finish out of order
    const task = this.stageAll(request, seq)
    this.inflight.add(task)
    void task.finally(() => this.inflight.delete(task)).catch(() => undefined)
    return task
  }

  recordFailure(record: LoadRecord): void {
    this.failed.push(record)
  }

  /** Commits every staged load in one transaction; the batch is spent either way. */
  async commit(): Promise<FlushReport> {
    await Promise.allSettled([...this.inflight])
    const loads = [...this.loads].sort((a, b) => a.seq - b.seq)
    const report: FlushReport = { loadIds: [], rowsWritten: {}, tableModifications: {} }
    if (loads.length === 0 && this.failed.length === 0) {
      await this.dropStaging() // a failed load may have staged rows of other tables
      return report
    }
    try {
      const { script, bag, targets } = await this.commitScript(loads)
      for (const load of loads) await this.deps.beforeCommit?.(load.request)
      await this.deps.session.execute(script, { op: 'flush' }, bag)
      for (const table of targets) this.modified(table)
    } finally {
      await this.dropStaging()
    }
    for (const load of loads) {
      report.loadIds.push(load.request.record.loadId)
      for (const t of load.tables)
        report.rowsWritten[t.load.table] = (report.rowsWritten[t.load.table] ?? 0) + t.rows
    }
    return report
  }

  /** Best effort: staging tables expire on their own after a day anyway. */
  async dropStaging(): Promise<void> {
    const names = await Promise.allSettled([...this.staging.values()])
    this.staging.clear()
    for (const name of names) {
      if (name.status !== 'fulfilled') continue
      await this.deps.session.deleteTable(name.value, { op: 'load' }).catch(() => undefined)
    }
  }

  private async stageAll(request: LoadRequest, seq: number): Promise<LoadResult> {
    const { session, clock } = this.deps
    const loadedAt = clock.now().toISOString()
    const tables: PendingTable[] = []
    const result: LoadResult = { rowsWritten: {}, tableModifications: 0 }
    for (const load of request.tables) {
      const context = { op: 'load' as const, table: load.table, loadId: request.record.loadId }
      const info = await session.tableInfo(load.table, context)
      const stamp = { loadId: request.record.loadId, seq, loadedAt }
      const parts = toNdjsonParts(load, info.fields, stamp, this.deps.limits)
      const staging = await this.stagingTable(load.table, info)
      for (const part of parts) {
        await session.loadNdjson(staging, part, { ...context, table: staging })
        this.modified(staging)
      }
      tables.push(pendingTable(load, info, seq))
      result.rowsWritten[load.table] = load.rows.length
    }
    this.loads.push({ seq, request: { ...request, tables: [] }, tables })
    return result
  }

  private modified(table: string): void {
    this.modifications[table] = (this.modifications[table] ?? 0) + 1
  }

  private stagingTable(table: string, info: TableInfo): Promise<string> {
    let created = this.staging.get(table)
    if (!created) {
      const name = `_staging_${this.tag}_${table}`
      const now = this.deps.clock.now().getTime()
      created = createStagingTable(this.deps.session, name, info.fields, now).then(() => name)
      created.catch(() => this.staging.delete(table))
      this.staging.set(table, created)
    }
    return created
  }

  private async commitScript(loads: PendingLoad[]) {
    const { session } = this.deps
    const bag = new ParamBag()
    const statements: string[] = []
    const targets: string[] = []
    for (const group of await this.groups(loads)) {
      const sql = applySql(group, bag)
      if (sql === undefined) continue
      statements.push(sql)
      targets.push(group.table)
    }
    const moves = loads.flatMap((l) => cursorMove(l.request))
    if (moves.length > 0) {
      const now = this.deps.clock.now().toISOString()
      statements.push(stateMergeSql(session.path('_ingest_state'), moves, now, bag))
      targets.push('_ingest_state')
    }
    const records = [...loads.map((l) => l.request.record), ...this.failed]
    statements.push(insertLoadsSql(session.path('_ingest_loads'), records, bag))
    targets.push('_ingest_loads')
    const script = ['BEGIN TRANSACTION', ...statements, 'COMMIT TRANSACTION'].join(';\n\n') + ';'
    return { script, bag, targets }
  }

  /** One group per target table (and disposition/key, should two loads disagree). */
  private async groups(loads: PendingLoad[]): Promise<MergeGroup[]> {
    const groups = new Map<string, MergeGroup & { loads: StagedLoad[] }>()
    for (const load of loads) {
      for (const t of load.tables) {
        const key = JSON.stringify([t.load.table, t.load.disposition, t.load.primaryKey])
        let group = groups.get(key)
        if (!group) {
          group = await this.newGroup(t.load)
          groups.set(key, group)
        }
        group.loads.push({ seq: t.seq, rows: t.rows, window: t.window, days: t.days })
      }
    }
    return [...groups.values()]
  }

  private async newGroup(load: Omit<TableLoad, 'rows'>) {
    const { session } = this.deps
    const info = await session.tableInfo(load.table, { op: 'flush', table: load.table })
    return {
      table: load.table,
      targetPath: session.path(load.table),
      stagingPath: session.path(await this.stagingTable(load.table, info)),
      disposition: load.disposition,
      primaryKey: load.primaryKey,
      windowColumn: load.window?.column,
      fields: info.fields,
      partitionField: info.partitionField,
      loads: [] as StagedLoad[],
    }
  }
}

function pendingTable(load: TableLoad, info: TableInfo, seq: number): PendingTable {
  const { rows, ...meta } = load
  const field = info.partitionField
  const isDateKey =
    field !== undefined &&
    load.primaryKey.includes(field) &&
    info.fields.some((f) => f.name === field && f.type === 'DATE')
  const days = isDateKey ? [...new Set(rows.map((r) => String(r[field])))] : []
  const window = load.window ? { from: load.window.from, to: load.window.to } : undefined
  return { load: meta, seq, rows: rows.length, window, days }
}

function cursorMove(request: LoadRequest): CursorMove[] {
  const cursor: Day | undefined = request.cursor
  return cursor === undefined ? [] : [{ record: request.record, cursor }]
}
