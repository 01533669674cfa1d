import type { BigQuery } from '@google-cloud/bigquery'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../core/logger.js'
import { BigQuerySession } from './session.js'

const transient = () =>
  Object.assign(new Error('Backend error'), { errors: [{ reason: 'backendError' }] })

/** A client whose createQueryJob fails as scripted and whose jobs.get reports `done`. */
function fakeClient(script: { fail: Error[]; done: Set<string> }) {
  const jobIds: string[] = []
  const client = {
    createQueryJob: (options: { jobId: string }) => {
      jobIds.push(options.jobId)
      const failure = script.fail.shift()
      if (failure) return Promise.reject(failure)
      return Promise.resolve([{ getQueryResults: () => Promise.resolve([[]]) }])
    },
    job: (jobId: string) => ({
      getMetadata: () =>
        script.done.has(jobId)
          ? Promise.resolve([{ status: { state: 'DONE' } }])
          : Promise.reject(Object.assign(new Error('Not found'), { code: 404 })),
    }),
  }
  return { client: client as unknown as BigQuery, jobIds }
}

function session(client: BigQuery) {
  const sleeps: number[] = []
  const clock = {
    sleeps,
    now: () => new Date('2026-01-01T00:00:00Z'),
    sleep: (ms: number) => Promise.resolve(void sleeps.push(ms)),
  }
  const s = new BigQuerySession({
    client,
    dataset: { projectId: 'p', datasetId: 'd' },
    location: 'US',
    clock,
    logger: silentLogger,
  })
  return { s, clock }
}

describe('BigQuerySession.execute (write jobs are never applied twice)', () => {
  it('retries a transient failure with a new job id after a backoff', async () => {
    const fake = fakeClient({ fail: [transient()], done: new Set() })
    const { s, clock } = session(fake.client)
    await s.execute('MERGE …', { op: 'flush' })
    expect(fake.jobIds).toHaveLength(2)
    expect(fake.jobIds[0]).not.toBe(fake.jobIds[1])
    expect(clock.sleeps).toEqual([1000])
  })

  it('does not run a job again when BigQuery says the failed-looking one finished', async () => {
    const done = new Set<string>()
    const fake = fakeClient({ fail: [], done })
    const original = fake.client.createQueryJob.bind(fake.client)
    let first = true
    ;(fake.client as unknown as { createQueryJob: typeof original }).createQueryJob = (options: {
      jobId: string
    }) => {
      if (!first) return original(options)
      first = false
      done.add(options.jobId) // it ran, but the response was lost
      return Promise.reject(transient())
    }
    const { s, clock } = session(fake.client)
    await s.execute('MERGE …', { op: 'flush' })
    expect(clock.sleeps).toEqual([])
  })

  it('gives up on terminal errors at once, and on transient ones after 4 attempts', async () => {
    const terminal = Object.assign(new Error('Syntax error'), {
      errors: [{ reason: 'invalidQuery' }],
    })
    const one = session(fakeClient({ fail: [terminal], done: new Set() }).client)
    await expect(one.s.execute('x', { op: 'flush' })).rejects.toMatchObject({ retryable: false })
    expect(one.clock.sleeps).toEqual([])
    const many = session(fakeClient({ fail: [1, 2, 3, 4].map(transient), done: new Set() }).client)
    await expect(many.s.execute('x', { op: 'flush' })).rejects.toMatchObject({ retryable: true })
    expect(many.clock.sleeps).toEqual([1000, 2000, 4000])
  })
})
