// The daily job: every configured source, every resource, into the warehouse. Vendors run
// at the same time; within a vendor, at most `source.concurrency` resources at once (the
// vendor's rate limits). One failed resource never stops the others; the report says which
// failed and why, and the run record is saved at start and at the end.

import type { Clock } from '../core/clock.js'
import type { Day } from '../core/days.js'
import { describeError, toPipelineError } from '../core/errors.js'
import { newRunId } from '../core/ids.js'
import type { Logger } from '../core/logger.js'
import type { Source } from '../sources/source.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { runDerivedSteps, type DeriveSettings } from './derive.js'
import { runStatusOf, type ProgressEvent, type ResourceOutcome, type RunReport } from './report.js'
import { runResource } from './resource.js'

export interface PipelineDeps {
  sources: readonly Source[]
  warehouse: Warehouse
  logger: Logger
  clock: Clock
  /** Budgets and the identity sheet for the derived steps (allocation always runs). */
  derive?: DeriveSettings
}

export interface RunOptions {
  from?: Day
  to?: Day
  /** Only these resources ('anthropic.cost_report' or a whole vendor 'anthropic'). */
  only?: readonly string[]
  initialDays?: number
  trigger?: string
  runId?: string
  signal?: AbortSignal
  onProgress?: (event: ProgressEvent) => void
}

export async function runPipeline(
  deps: PipelineDeps,
  options: RunOptions = {},
): Promise<RunReport> {
  const startedAt = deps.clock.now()
  const runId = options.runId ?? newRunId(startedAt)
  const trigger = options.trigger ?? 'cli'
  const logger = deps.logger.child({ runId })
  const window = options.from && options.to ? { from: options.from, to: options.to } : undefined
  await deps.warehouse.saveRun({
    runId,
    trigger,
    startedAt: startedAt.toISOString(),
    status: 'running',
    window,
  })
  logger.info('run.started', {
    trigger,
    sources: deps.sources.map((s) => s.vendor),
    from: options.from,
    to: options.to,
  })

  let seq = 0
  const nextLoadSeq = () => ++seq
  const perVendor = deps.sources.map((source) =>
    mapLimit(selectResources(source, options.only), source.concurrency, (resource) =>
      runResource({ ...deps, ...options, logger, source, resource, runId, nextLoadSeq }),
    ),
  )
  const resources = (await Promise.all(perVendor)).flat()
  const committed = await commitStaged(deps.warehouse, resources, 0, logger)
  // After every load: identity sheet, exact allocation of the touched days, budgets.
  if (!options.signal?.aborted) {
    const deriveCtx = { ...deps, logger, runId, nextLoadSeq, settings: deps.derive }
    resources.push(...(await runDerivedSteps(deriveCtx, resources)))
  }
  await commitStaged(deps.warehouse, resources, committed, logger)
  const report = finish(runId, trigger, startedAt, deps.clock.now(), resources)
  await deps.warehouse
    .saveRun({
      runId,
      trigger,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      status: report.status,
      window,
      summary: summarize(report),
    })
    .catch((e: unknown) => logger.error('run.record_failed', { error: describeError(e) }))
  logger.info('run.finished', {
    status: report.status,
    durationMs: report.durationMs,
    failed: resources.filter((r) => r.status === 'failed').map((r) => `${r.vendor}.${r.resource}`),
  })
  return report
}

/**
 * Engines that defer commits (BigQuery: capabilities.defersCommit) apply every load staged so
 * far in one transaction here. If that fails nothing staged was committed: the outcomes from
 * `from` on that loaded data are failed (the next run re-reads their windows). Returns the
 * count of outcomes covered.
 */
async function commitStaged(
  warehouse: Warehouse,
  outcomes: ResourceOutcome[],
  from: number,
  logger: Logger,
): Promise<number> {
  if (!warehouse.flush) return outcomes.length
  try {
    const report = await warehouse.flush()
    if (Object.keys(report.tableModifications).length > 0)
      logger.info('warehouse.committed', {
        loads: report.loadIds.length,
        tableModifications: report.tableModifications,
      })
  } catch (error) {
    const failure = toPipelineError(error)
    logger.error('warehouse.commit_failed', { error: describeError(failure) })
    for (const o of outcomes.slice(from).filter((o) => o.status === 'succeeded' && o.loads > 0)) {
      const message = `loaded but not committed: ${describeError(failure)}`
      Object.assign(o, { status: 'failed', loads: 0, rows: 0, cursor: undefined })
      o.error = { code: failure.code, message }
    }
  }
  return outcomes.length
}

function selectResources(source: Source, only: readonly string[] | undefined) {
  if (!only?.length) return source.resources
  return source.resources.filter(
    (r) => only.includes(source.vendor) || only.includes(`${source.vendor}.${r.name}`),
  )
}

function finish(
  runId: string,
  trigger: string,
  started: Date,
  finished: Date,
  resources: ResourceOutcome[],
): RunReport {
  return {
    runId,
    trigger,
    status: runStatusOf(resources),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    resources,
  }
}

function summarize(report: RunReport): string {
  const ok = report.resources.filter((r) => r.status !== 'failed').length
  const rows = report.resources.reduce((n, r) => n + r.rows, 0)
  return `${ok}/${report.resources.length} resources ok, ${rows} rows`
}

/** Runs `fn` over items with at most `limit` in flight, keeping input order in the result. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
