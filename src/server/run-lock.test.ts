import { describe, expect, it } from 'vitest'
import { createRunLock } from './run-lock.js'

const T0 = new Date('2026-03-15T10:00:00Z')

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createRunLock', () => {
  it('admits one run at a time and names the active one to the next caller', async () => {
    const lock = createRunLock()
    const gate = deferred()
    const first = lock.tryRun('run_a', T0, () => gate.promise.then(() => 'done'))
    const second = lock.tryRun('run_b', T0, () => Promise.resolve('never'))
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({ ok: false, reason: 'busy', active: { runId: 'run_a' } })
    gate.resolve()
    expect(first.ok && (await first.result)).toBe('done')
    await Promise.resolve()
    expect(lock.current()).toBeUndefined()
    expect(lock.tryRun('run_c', T0, () => Promise.resolve(1)).ok).toBe(true)
  })

  it('frees the lock when a run fails', async () => {
    const lock = createRunLock()
    const claim = lock.tryRun('run_a', T0, () => Promise.reject(new Error('boom')))
    await expect(claim.ok && claim.result).rejects.toThrow('boom')
    await Promise.resolve()
    expect(lock.current()).toBeUndefined()
  })

  it('close aborts the active run, waits for it and refuses new ones', async () => {
    const lock = createRunLock()
    let seen: unknown
    lock.tryRun('run_a', T0, (signal) => {
      return new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => {
          seen = signal.reason
          resolve()
        }),
      )
    })
    expect(await lock.close(new Error('SIGTERM'), 5_000)).toBe(true)
    expect((seen as Error).message).toBe('SIGTERM')
    expect(lock.tryRun('run_b', T0, () => Promise.resolve())).toEqual({
      ok: false,
      reason: 'closed',
    })
  })

  it('close gives up after the grace period when the run ignores the signal', async () => {
    const lock = createRunLock()
    lock.tryRun('run_a', T0, () => new Promise<void>(() => {}))
    expect(await lock.close(new Error('SIGTERM'), 10)).toBe(false)
  })
})
