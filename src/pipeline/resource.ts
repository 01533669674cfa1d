// Runs one resource: plan its window, then for each chunk extract → normalize → load, the
// cursor and load record committed with the chunk's data. The first failing chunk stops the
// resource (later chunks would leave a hole behind the cursor); its failure is recorded and
// the next run re-reads from the cursor, so a failed window is retried automatically.

import type { Clock } from '../core/clock.js'
import { yesterdayUtc } from '../core/clock.js'
import type { Day, DayRange } from '../core/days.js'
import { describeError } from '../core/errors.js'
import { newLoadId } from '../core/ids.js'
import type { Logger } from '../core/logger.js'
import type { Resource, Source } from '../sources/source.js'
import type { LoadRecord, TableLoad, Warehouse } from '../warehouse/warehouse.js'
import { RunAbortedError, locateError } from './errors.js'
import { extractChunk, type ExtractedChunk } from './extract.js'
import { advanceCursor, planWindow } from './plan.js'
import type { ProgressEvent, ResourceOutcome } from './report.js'

export interface ResourceRunContext {
  source: Source
  resource: Resource
  warehouse: Warehouse
  logger: Logger
  clock: Clock
  runId: string
  nextLoadSeq: () => number
  from?: Day
  to?: Day
  initialDays?: number
  signal?: AbortSignal
  onProgress?: (event: ProgressEvent) => void
}

export async function runResource(ctx: ResourceRunContext): Promise<ResourceOutcome> {
  const started = ctx.clock.now().getTime()
  const outcome: ResourceOutcome = {
    vendor: ctx.source.vendor,
    resource: ctx.resource.name,
    status: 'succeeded',
    loads: 0,
    pages: 0,
    rows: 0,
    retries: 0,
    durationMs: 0,
  }
  try {
    const chunks = await planChunks(ctx, outcome)
    ctx.onProgress?.({
      type: 'resource.started',
      vendor: outcome.vendor,
      resource: outcome.resource,
      window: outcome.window,
      chunks: chunks.length,
    })
    for (const [i, chunk] of chunks.entries()) {
      if (ctx.signal?.aborted) throw new RunAbortedError()
      await runChunk(ctx, outcome, chunk)
      ctx.onProgress?.({
        type: 'chunk.committed',
        vendor: outcome.vendor,
        resource: outcome.resource,
        window: chunk,
        rows: outcome.rows,
        done: i + 1,
        of: chunks.length,
      })
    }
  } catch (error) {
    outcome.status = 'failed'
    const located = locateError(error, { vendor: outcome.vendor, resource: outcome.resource })
    outcome.error = {
      code: located.code,
      message: describeError(located),
      day: located.context.day,
    }
  }
  outcome.durationMs = ctx.clock.now().getTime() - started
  ctx.logger.info('resource.finished', { ...outcome, error: outcome.error?.message })
  return outcome
}

/** Incremental resources get day chunks; dimension lists get one window-less chunk. */
async function planChunks(
  ctx: ResourceRunContext,
  outcome: ResourceOutcome,
): Promise<Array<DayRange | undefined>> {
  const spec = ctx.resource.incremental
  if (!spec) return [undefined]
  const cursor = await ctx.warehouse.getCursor(ctx.source.vendor, ctx.resource.name)
  outcome.cursor = cursor
  const plan = planWindow({
    spec,
    cursor,
    yesterday: yesterdayUtc(ctx.clock),
    initialDays: ctx.initialDays,
    from: ctx.from,
    to: ctx.to,
  })
  if (!plan) {
    outcome.status = 'skipped'
    outcome.note = 'nothing to read in the requested window'
    return []
  }
  outcome.window = plan.window
  return plan.chunks
}

async function runChunk(
  ctx: ResourceRunContext,
  outcome: ResourceOutcome,
  window: DayRange | undefined,
) {
  const loadId = newLoadId(ctx.runId, ctx.nextLoadSeq())
  const startedAt = ctx.clock.now()
  const log = ctx.logger.child({ vendor: outcome.vendor, resource: outcome.resource, loadId })
  let extracted: ExtractedChunk | undefined
  try {
    const extractCtx = { http: ctx.source.http, logger: log, clock: ctx.clock, signal: ctx.signal }
    extracted = await extractChunk(ctx.resource, extractCtx, window, startedAt.toISOString())
    const rows = [...extracted.rowsByTable.values()].reduce((n, r) => n + r.length, 0)
    log.info('resource.extracted', {
      window,
      pages: extracted.pages,
      rows,
      retries: extracted.retries,
    })
    const cursor = window ? advanceCursor(outcome.cursor, window.to) : undefined
    const record = loadRecord(ctx, outcome, loadId, window, extracted, rows, startedAt, 'succeeded')
    const result = await ctx.warehouse.load({
      tables: tableLoads(ctx.resource, extracted, window),
      cursor,
      record,
    })
    log.info('load.committed', { rows: result.rowsWritten, durationMs: record.durationMs, cursor })
    if (cursor && cursor !== outcome.cursor)
      log.info('cursor.advanced', { from: outcome.cursor ?? null, to: cursor })
    Object.assign(outcome, { cursor, loads: outcome.loads + 1, rows: outcome.rows + rows })
  } catch (error) {
    const located = locateError(error, {
      vendor: outcome.vendor,
      resource: outcome.resource,
      window,
      loadId,
    })
    const record = loadRecord(
      ctx,
      outcome,
      loadId,
      window,
      extracted,
      0,
      startedAt,
      'failed',
      describeError(located),
    )
    await ctx.warehouse
      .recordLoad(record)
      .catch((e: unknown) => log.error('load.record_failed', { error: describeError(e) }))
    log.error('load.failed', { window, error: describeError(located), code: located.code })
    throw located
  } finally {
    outcome.pages += extracted?.pages ?? 0
    outcome.retries += extracted?.retries ?? 0
  }
}

function tableLoads(
  resource: Resource,
  extracted: ExtractedChunk,
  window: DayRange | undefined,
): TableLoad[] {
  return resource.tables.map((spec) => ({
    table: spec.name,
    disposition: spec.writeDisposition,
    primaryKey: spec.primaryKey,
    window:
      window && spec.writeDisposition === 'replace_window' && spec.dateColumn
        ? { ...window, column: spec.dateColumn }
        : undefined,
    rows: extracted.rowsByTable.get(spec.name) ?? [],
  }))
}

function loadRecord(
  ctx: ResourceRunContext,
  outcome: ResourceOutcome,
  loadId: string,
  window: DayRange | undefined,
  extracted: ExtractedChunk | undefined,
  rows: number,
  startedAt: Date,
  status: LoadRecord['status'],
  error?: string,
): LoadRecord {
  const finishedAt = ctx.clock.now()
  return {
    runId: ctx.runId,
    loadId,
    vendor: outcome.vendor,
    resource: outcome.resource,
    window,
    pages: extracted?.pages ?? 0,
    rows,
    retries: extracted?.retries ?? 0,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    status,
    error,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  }
}
