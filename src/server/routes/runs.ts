// POST /run and GET /runs/:id, both behind the OIDC check. A run is synchronous: the response
// is the run report, 200 when every resource succeeded and 500 when any failed, so Cloud
// Scheduler's retry policy re-runs it (idempotent: loads merge on keys, cursors only advance
// on commit). At most one run per process: a second POST gets 409 with the active run's id.

import { Hono, type Context } from 'hono'
import { PipelineError } from '../../core/errors.js'
import { newRunId } from '../../core/ids.js'
import { migrateOrThrow } from '../../pipeline/migrate.js'
import type { RunReport } from '../../pipeline/report.js'
import { runPipeline } from '../../pipeline/run.js'
import { deriveSettingsFromConfig } from '../../pipeline/derive-settings.js'
import { parseRunRequest, type RunRequest } from '../run-request.js'
import type { RunLock } from '../run-lock.js'
import type { AppDeps, ServerEnv } from '../types.js'

export type RunsDeps = Omit<AppDeps, 'runLock' | 'verifier'> & { runLock: RunLock }

const RUN_ID = /^run_[0-9A-Za-z_]{1,80}$/

export function runRoutes(deps: RunsDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  app.post('/run', async (c) => {
    const request = parseRunRequest(await c.req.text(), deps.sources)
    if (!request.ok)
      return c.json({ error: 'invalid request body', code: 'USAGE', issues: request.issues }, 400)
    if (deps.sources.length === 0)
      throw new PipelineError(
        'CONFIG_INVALID',
        'no vendor credentials are configured; nothing to run',
      )
    const trigger = c.req.header('x-cloudscheduler') ? 'scheduler' : 'api'
    const startedAt = deps.clock.now()
    const runId = newRunId(startedAt)
    const claim = deps.runLock.tryRun(runId, startedAt, (signal) =>
      execute(deps, c, { runId, trigger, signal, request: request.value }),
    )
    if (!claim.ok) return refuse(c, claim)
    const report = await claim.result
    return c.json(report, report.status === 'succeeded' ? 200 : 500)
  })
  app.get('/runs/:id', async (c) => {
    const runId = c.req.param('id')
    const warehouse = await deps.openWarehouse()
    const run = RUN_ID.test(runId) ? await warehouse.getRun(runId) : undefined
    if (!run) return c.json({ error: 'no run with this id', code: 'NOT_FOUND' }, 404)
    const resources = await warehouse.query(
      'SELECT * FROM pipeline_runs WHERE run_id = $id ORDER BY vendor, resource',
      { params: { id: runId } },
    )
    return c.json({ ...run, active: deps.runLock.current()?.runId === runId, resources })
  })
  return app
}

async function execute(
  deps: RunsDeps,
  c: Context<ServerEnv>,
  run: { runId: string; trigger: string; signal: AbortSignal; request: RunRequest },
): Promise<RunReport> {
  const log = c.var.log.child({ runId: run.runId })
  log.info('run.requested', { trigger: run.trigger, caller: c.var.caller?.email, ...run.request })
  const warehouse = await deps.openWarehouse()
  await migrateOrThrow(warehouse)
  return runPipeline(
    {
      sources: deps.sources,
      warehouse,
      logger: c.var.log,
      clock: deps.clock,
      derive: deriveSettingsFromConfig(deps.config, { clock: deps.clock, logger: c.var.log }),
    },
    {
      runId: run.runId,
      trigger: run.trigger,
      from: run.request.from,
      to: run.request.to,
      only: run.request.sources,
      initialDays: deps.config.run.initialDays,
      signal: run.signal,
    },
  )
}

function refuse(
  c: Context<ServerEnv>,
  claim: { reason: 'busy' | 'closed'; active?: { runId: string } },
) {
  if (claim.reason === 'closed')
    return c.json({ error: 'the service is shutting down; retry', code: 'SHUTTING_DOWN' }, 503)
  const runId = claim.active?.runId
  c.var.log.warn('run.refused', { reason: 'run_in_progress', activeRunId: runId })
  return c.json({ error: 'a run is already in progress', code: 'RUN_IN_PROGRESS', runId }, 409)
}
