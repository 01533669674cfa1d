// At most one pipeline run per process. The claim is taken synchronously, so two requests that
// arrive together can never both start a run (the second learns the first one's id). Across
// instances, Cloud Run's max-instances=1 plays the same role (see docs/service.md). Shutdown
// closes the lock, aborts the run through its AbortSignal and waits for it to wind down.

export interface ActiveRun {
  runId: string
  startedAt: string
  signal: AbortSignal
}

export type RunClaim<T> =
  | { ok: true; result: Promise<T> }
  | { ok: false; reason: 'busy'; active: ActiveRun }
  | { ok: false; reason: 'closed' }

export interface RunLock {
  current(): ActiveRun | undefined
  /** Starts `task` as the one active run, unless a run is in flight or the lock is closed. */
  tryRun<T>(runId: string, startedAt: Date, task: (signal: AbortSignal) => Promise<T>): RunClaim<T>
  /** Refuses new runs and aborts the active one; resolves true when it ended within `graceMs`. */
  close(reason: Error, graceMs: number): Promise<boolean>
  readonly isClosed: boolean
}

export function createRunLock(): RunLock {
  let active: (ActiveRun & { controller: AbortController; done: Promise<unknown> }) | undefined
  let closed = false
  return {
    current: () => (active ? { ...publicView(active) } : undefined),
    get isClosed() {
      return closed
    },
    tryRun(runId, startedAt, task) {
      if (closed) return { ok: false, reason: 'closed' }
      if (active) return { ok: false, reason: 'busy', active: publicView(active) }
      const controller = new AbortController()
      // Called synchronously (an async wrapper only turns a throw into a rejection), so an
      // abort right after the claim is seen by the task.
      const result = (async () => task(controller.signal))()
      const done = result.then(
        () => undefined,
        () => undefined,
      )
      const entry = { runId, startedAt: startedAt.toISOString(), signal: controller.signal }
      active = { ...entry, controller, done }
      void done.then(() => {
        if (active?.runId === runId) active = undefined
      })
      return { ok: true, result }
    },
    async close(reason, graceMs) {
      closed = true
      const running = active
      if (!running) return true
      running.controller.abort(reason)
      return waitFor(running.done, graceMs)
    },
  }
}

function publicView(run: ActiveRun): ActiveRun {
  return { runId: run.runId, startedAt: run.startedAt, signal: run.signal }
}

async function waitFor(done: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([done.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
