// What the derived steps share: their context and settings, and how a step's rows are loaded
// with a load record of their own (vendor 'derived'), like a vendor resource's chunk.

import type { Clock } from '../core/clock.js'
import type { DayRange } from '../core/days.js'
import { describeError } from '../core/errors.js'
import { newLoadId } from '../core/ids.js'
import type { Logger } from '../core/logger.js'
import type { BudgetConfig } from '../identity/config.js'
import type { IdentitySheetReader } from '../identity/sheet.js'
import type { LoadRecord, TableLoad, Warehouse } from '../warehouse/warehouse.js'

export const DERIVED_VENDOR = 'derived'

/** What the caller's config decides about the derived steps (all optional). */
export interface DeriveSettings {
  /** Budgets from config; undefined leaves the budgets table as it is. */
  budgets?: readonly BudgetConfig[]
  /** The identity map's Google Sheet; undefined = no sheet. */
  identitySheet?: IdentitySheetReader
}

export interface DeriveContext {
  warehouse: Warehouse
  logger: Logger
  clock: Clock
  runId: string
  nextLoadSeq: () => number
  settings?: DeriveSettings
}

/** What a step did, for its outcome. */
export interface StepResult {
  loads: number
  rows: number
  window?: DayRange
  note?: string
}

/** Loads one derived unit of work with its load record (vendor 'derived'). */
export async function loadDerived(
  ctx: DeriveContext,
  resource: string,
  tables: TableLoad[],
  window?: DayRange,
): Promise<number> {
  const startedAt = ctx.clock.now()
  const rows = tables.reduce((n, t) => n + t.rows.length, 0)
  const record = derivedRecord(ctx, resource, startedAt.getTime(), 'succeeded', window)
  record.rows = rows
  await ctx.warehouse.load({ tables, record })
  ctx.logger.info('load.committed', { vendor: DERIVED_VENDOR, resource, rows, window })
  return rows
}

/** Writes the load record of a failed step (it carries no data). */
export async function recordDerivedFailure(
  ctx: DeriveContext,
  resource: string,
  started: number,
  error: string,
) {
  const record = derivedRecord(ctx, resource, started, 'failed')
  record.error = error
  await ctx.warehouse
    .recordLoad(record)
    .catch((e: unknown) => ctx.logger.error('load.record_failed', { error: describeError(e) }))
}

function derivedRecord(
  ctx: DeriveContext,
  resource: string,
  startedMs: number,
  status: LoadRecord['status'],
  window?: DayRange,
): LoadRecord {
  const finished = ctx.clock.now()
  return {
    runId: ctx.runId,
    loadId: newLoadId(ctx.runId, ctx.nextLoadSeq()),
    vendor: DERIVED_VENDOR,
    resource,
    window,
    pages: 0,
    rows: 0,
    retries: 0,
    durationMs: finished.getTime() - startedMs,
    status,
    startedAt: new Date(startedMs).toISOString(),
    finishedAt: finished.toISOString(),
  }
}
