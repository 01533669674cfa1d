// The service as a whole: the app plus what outlives a request — the shared warehouse and the
// run lock — and the one shutdown sequence. Shutdown refuses new runs, aborts the active one
// (the pipeline stops after the chunk it is committing; each chunk is one transaction), waits
// up to the grace period for it, then closes the warehouse.

import type { Hono } from 'hono'
import { RunAbortedError } from '../pipeline/errors.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { createApp } from './app.js'
import { createRunLock, type RunLock } from './run-lock.js'
import { shareWarehouse } from './shared-warehouse.js'
import type { AppDeps, ServerEnv } from './types.js'

/** Cloud Run waits 10 s after SIGTERM before SIGKILL; leave time to close and flush. */
export const DEFAULT_GRACE_MS = 8_000

export interface ServiceDeps extends Omit<AppDeps, 'openWarehouse' | 'runLock'> {
  /** Opens a new warehouse; the service calls it once and closes the result at shutdown. */
  openWarehouse: () => Promise<Warehouse>
}

export interface ShutdownResult {
  /** Id of the run that was in flight, if any. */
  abortedRunId?: string
  /** False when the run was still going when the grace period ran out. */
  runFinished: boolean
}

export interface Service {
  app: Hono<ServerEnv>
  runLock: RunLock
  /** Idempotent: later calls return the first call's promise. */
  shutdown(options?: { graceMs?: number }): Promise<ShutdownResult>
}

export function createService(deps: ServiceDeps): Service {
  const warehouse = shareWarehouse(deps.openWarehouse)
  const runLock = createRunLock()
  const app = createApp({ ...deps, openWarehouse: () => warehouse.get(), runLock })
  let stopping: Promise<ShutdownResult> | undefined
  const stop = async (graceMs: number): Promise<ShutdownResult> => {
    const abortedRunId = runLock.current()?.runId
    if (abortedRunId) deps.logger.warn('run.aborting', { runId: abortedRunId, graceMs })
    const runFinished = await runLock.close(new RunAbortedError(), graceMs)
    if (runFinished) await warehouse.close()
    // A load may still be inside a transaction: closing under it is riskier than the exit
    // that follows, which rolls the open transaction back like any crash.
    else deps.logger.error('run.abandoned', { runId: abortedRunId, graceMs })
    return { abortedRunId, runFinished }
  }
  return {
    app,
    runLock,
    shutdown: (options) => (stopping ??= stop(options?.graceMs ?? DEFAULT_GRACE_MS)),
  }
}
