// Re-runs and failures of the BigQuery engine under the real pipeline: a re-run changes
// nothing; a crash between the load jobs and the commit, or a commit that fails inside
// BigQuery, leaves the old state and the next run repairs it without doubling a row;
// transient BigQuery errors are retried without applying anything twice.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/days.js'
import {
  DATA_TABLES,
  keyDuplicates,
  startAnthropicOnBigQuery,
  vendorOutcomes,
  type AnthropicOnBigQuery,
} from './bigquery-anthropic.js'
import { targetsOnly, type BigQueryHarness } from './bigquery-harness.js'

let t: AnthropicOnBigQuery
let h: BigQueryHarness

beforeEach(async () => {
  t = await startAnthropicOnBigQuery()
  h = t.h
})
afterEach(() => t.close())

describe('BigQuery re-runs and failures (real client, BigQuery double)', () => {
  it('re-runs idempotently: same rows, the window re-read, each table modified once again', async () => {
    await t.run(h.warehouse, { initialDays: 20 })
    const before = await h.warehouse.query(
      'SELECT usage_date, line_key, amount_usd FROM anthropic_cost_report ORDER BY 1, 2',
    )
    const since = h.double.requests.length
    const again = await t.run(h.warehouse, { from: '2026-02-23', to: '2026-03-14' })
    expect(vendorOutcomes(again).every((o) => o.status === 'succeeded')).toBe(true)
    const after = await h.warehouse.query(
      'SELECT usage_date, line_key, amount_usd FROM anthropic_cost_report ORDER BY 1, 2',
    )
    expect(after).toEqual(before)
    const modifications = targetsOnly(h.modifications(since))
    for (const table of DATA_TABLES) expect(modifications[table], table).toBe(1)
  })

  it('a crash between staging and commit commits nothing; the next run repairs, never doubled', async () => {
    const crashing = await h.open({
      hooks: {
        beforeCommit: () => {
          throw new Error('simulated crash between load jobs and MERGE')
        },
      },
    })
    const failed = await t.run(crashing, { initialDays: 20 })
    const loaded = vendorOutcomes(failed).filter((o) => o.window)
    expect(loaded.every((o) => o.status === 'failed' && o.loads === 0)).toBe(true)
    expect(loaded[0]?.error?.message).toMatch(/not committed/)
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBeUndefined()
    expect(await h.warehouse.query('SELECT * FROM anthropic_cost_report')).toEqual([])

    const repaired = await t.run(h.warehouse, { initialDays: 20 })
    expect(vendorOutcomes(repaired).every((o) => o.status === 'succeeded')).toBe(true)
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBe('2026-03-14')
    expect(await keyDuplicates(h.warehouse, 'anthropic_cost_report')).toBe(0)
    await t.expectTruth(h.warehouse, addDays('2026-03-14', -19), '2026-03-14')
  })

  it('a commit that fails inside BigQuery rolls back whole; the next run repairs it', async () => {
    const isCommit = (r: { api: string; jobConfig?: Record<string, unknown> }) =>
      r.api === 'jobs.insert' && JSON.stringify(r.jobConfig ?? {}).includes('BEGIN TRANSACTION')
    h.double.failNext(1, { match: isCommit, reason: 'invalidQuery', as: 'job' })
    const since = h.double.requests.length
    const failed = await t.run(h.warehouse, { initialDays: 10 })
    expect(failed.status).not.toBe('succeeded')
    const modifications = targetsOnly(h.modifications(since))
    for (const table of [...DATA_TABLES, '_ingest_state'])
      expect(modifications[table]).toBeUndefined()
    expect(await h.warehouse.getCursor('anthropic', 'messages_usage')).toBeUndefined()

    const repaired = await t.run(h.warehouse, { initialDays: 10 })
    expect(vendorOutcomes(repaired).every((o) => o.status === 'succeeded')).toBe(true)
    expect(await keyDuplicates(h.warehouse, 'anthropic_messages_usage')).toBe(0)
    await t.expectTruth(h.warehouse, addDays('2026-03-14', -9), '2026-03-14')
  })

  it('retries transient BigQuery errors (rate limits, backend errors) without doubling rows', async () => {
    h.double.failNext(2, { match: (r) => r.api === 'jobs.upload', reason: 'rateLimitExceeded' })
    h.double.failNext(1, {
      match: (r) => JSON.stringify(r.jobConfig ?? {}).includes('BEGIN TRANSACTION'),
      reason: 'backendError',
      as: 'job',
    })
    const since = h.double.requests.length
    const report = await t.run(h.warehouse, { initialDays: 10 })
    expect(vendorOutcomes(report).every((o) => o.status === 'succeeded')).toBe(true)
    expect(h.double.requests.slice(since).filter((r) => r.injectedFault)).toHaveLength(3)
    expect(h.clock.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(3)
    expect(targetsOnly(h.modifications(since)).anthropic_cost_report).toBe(1)
    expect(await keyDuplicates(h.warehouse, 'anthropic_cost_report')).toBe(0)
    // The backoff sleeps move the fake clock, and the simulator's latest day grows with it.
    await t.expectTruth(h.warehouse, addDays('2026-03-14', -9), '2026-03-13')
  })
})
