// The real pipeline (Anthropic simulator → extract → normalize) into the BigQuery engine over
// the real client and the BigQuery double: a long multi-chunk backfill issues batch load jobs
// into expiring staging tables and ONE partition-filtered MERGE per table, so every table is
// modified at most a few times per run; re-runs change nothing; a crash before or during the
// commit leaves the old state and the next run repairs it without doubling anything.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addDays, type Day } from '../../src/core/days.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import type { RunReport } from '../../src/pipeline/report.js'
import {
  startAnthropicSimulator,
  type AnthropicSimulator,
} from '../../src/simulators/anthropic/index.js'
import { createAnthropicSource } from '../../src/sources/anthropic/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { costByDay } from './anthropic-harness.js'
import { createBigQueryHarness, targetsOnly, type BigQueryHarness } from './bigquery-harness.js'

const DATA_TABLES = [
  'anthropic_organizations',
  'anthropic_workspaces',
  'anthropic_api_keys',
  'anthropic_users',
  'anthropic_cost_report',
  'anthropic_messages_usage',
  'anthropic_claude_code',
  'anthropic_claude_code_models',
]

const COST_DAILY_VIEWS =
  /^(05_cursor_members|06_cursor_seat_days|10_cost_daily_\w+|50_cost_daily)\.sql$/

let h: BigQueryHarness
let sim: AnthropicSimulator

beforeEach(async () => {
  // cost_daily and what it reads; the views themselves are tested in bigquery-views.test.ts.
  h = await createBigQueryHarness({ retentionDays: 400, views: COST_DAILY_VIEWS })
  sim = await startAnthropicSimulator({ now: () => h.clock.now() })
  const migrated = await h.warehouse.migrate()
  if (migrated.error) throw migrated.error
})
afterEach(async () => {
  await sim.close()
  await h.close()
})

function run(warehouse: Warehouse, options: RunOptions = {}): Promise<RunReport> {
  const source = createAnthropicSource(
    { adminApiKey: sim.apiKey, baseUrl: sim.url, lookbackDays: 3, requestsPerMinute: 100_000 },
    { clock: h.clock, logger: h.logger, bucketsPerPage: 7 },
  )!
  const deps = { sources: [source], warehouse, logger: h.logger, clock: h.clock }
  return runPipeline(deps, { initialDays: 120, ...options })
}

function vendorOutcomes(report: RunReport) {
  return report.resources.filter((r) => r.vendor === 'anthropic')
}

async function expectTruth(warehouse: Warehouse, from: Day, to: Day) {
  const truth = sim.truth.costByDay(from, to)
  const loaded = await costByDay(warehouse)
  for (const [day, amount] of truth) expect(loaded.get(day) ?? 0n, day).toBe(amount)
}

async function keyDuplicates(warehouse: Warehouse, table: string): Promise<number> {
  const [row] = await warehouse.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT usage_date, line_key FROM ${table} ` +
      'GROUP BY usage_date, line_key HAVING COUNT(*) > 1) AS d',
  )
  return Number(row?.n)
}

describe('BigQuery pipeline run (real client, BigQuery double)', () => {
  it('backfills 120 days with load jobs and one partition-filtered MERGE per table', async () => {
    const since = h.double.requests.length
    const report = await run(h.warehouse)
    const outcomes = vendorOutcomes(report)
    expect(outcomes.every((o) => o.status === 'succeeded')).toBe(true)
    expect(outcomes.find((o) => o.resource === 'claude_code')?.loads).toBeGreaterThanOrEqual(17)
    expect(outcomes.find((o) => o.resource === 'cost_report')?.loads).toBeGreaterThanOrEqual(4)

    const modifications = targetsOnly(h.modifications(since))
    for (const table of DATA_TABLES) expect(modifications[table], table).toBe(1)
    expect(modifications._ingest_state).toBe(1)
    expect(modifications._ingest_runs).toBe(2) // started + finished
    for (const [table, n] of Object.entries(modifications)) expect(n, table).toBeLessThanOrEqual(3)

    const requests = h.double.requests.slice(since)
    expect(requests.some((r) => r.api === 'tabledata.insertAll')).toBe(false)
    const dml = requests.flatMap((r) => r.statements).filter((s) => s.affectedRows !== undefined)
    expect(new Set(dml.map((s) => s.kind))).toEqual(new Set(['MERGE', 'INSERT']))
    for (const s of dml.filter((s) => s.kind === 'INSERT'))
      expect(s.target).toMatch(/_ingest_loads$/)
    const partitioned = dml.filter((s) => s.kind === 'MERGE' && s.filtersPartition !== undefined)
    expect(partitioned.map((s) => s.target)).toEqual(
      expect.arrayContaining(['ai_usage.anthropic_cost_report', 'ai_usage.anthropic_claude_code']),
    )
    for (const s of partitioned) expect(s.filtersPartition, s.target).toBe(true)
    await expectTruth(h.warehouse, addDays('2026-03-14', -119), '2026-03-14')
  })

  it('stages with NDJSON batch load jobs into staging tables that expire after a day', async () => {
    const since = h.double.requests.length
    await run(h.warehouse, { initialDays: 10 })
    const requests = h.double.requests.slice(since)
    const uploads = requests.filter((r) => r.api === 'jobs.upload')
    expect(uploads.length).toBeGreaterThanOrEqual(DATA_TABLES.length)
    for (const upload of uploads) {
      const load = (upload.jobConfig as { load: Record<string, unknown> }).load
      expect(load).toMatchObject({
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        writeDisposition: 'WRITE_APPEND',
        createDisposition: 'CREATE_NEVER',
        destinationTable: { projectId: 'acme-test', datasetId: 'ai_usage' },
      })
      expect((load.destinationTable as { tableId: string }).tableId).toMatch(/^_staging_/)
    }
    const created = requests.filter((r) => r.api === 'tables.insert')
    const dayLater = h.clock.now().getTime() + 86_400_000
    for (const table of created) {
      const body = table.body as { tableReference: { tableId: string }; expirationTime: string }
      expect(body.tableReference.tableId).toMatch(/^_staging_[0-9a-f]+_/)
      expect(Number(body.expirationTime)).toBe(dayLater)
    }
    // Spent staging tables are dropped after the commit (expiry is the safety net).
    expect(requests.filter((r) => r.api === 'tables.delete')).toHaveLength(created.length)
    const left = (await h.double.tables()).map((t) => t.tableReference.tableId)
    expect(left.filter((t) => t.startsWith('_staging_'))).toEqual([])
  })

  it('reports the modifications per table it caused, matching what BigQuery counted', async () => {
    const since = h.double.requests.length
    await run(h.warehouse, { initialDays: 20 })
    const committed = h.logger.entries.filter((e) => e.event === 'warehouse.committed')
    const reported: Record<string, number> = {}
    for (const entry of committed) {
      const counts = entry.fields.tableModifications as Record<string, number>
      for (const [table, n] of Object.entries(counts)) reported[table] = (reported[table] ?? 0) + n
    }
    const counted = h.modifications(since)
    // The run's final record (saved after the last commit) is the only write reported later.
    counted._ingest_runs = (counted._ingest_runs ?? 0) - 1
    expect(reported).toEqual(counted)
  })

  it('re-runs idempotently: same rows, the window re-read, each table modified once again', async () => {
    await run(h.warehouse, { initialDays: 20 })
    const before = await h.warehouse.query(
      'SELECT usage_date, line_key, amount_usd FROM anthropic_cost_report ORDER BY 1, 2',
    )
    const since = h.double.requests.length
    const again = await run(h.warehouse, { from: '2026-02-23', to: '2026-03-14' })
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
    const failed = await run(crashing, { initialDays: 20 })
    const loaded = vendorOutcomes(failed).filter((o) => o.window)
    expect(loaded.every((o) => o.status === 'failed' && o.loads === 0)).toBe(true)
    expect(loaded[0]?.error?.message).toMatch(/not committed/)
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBeUndefined()
    expect(await h.warehouse.query('SELECT * FROM anthropic_cost_report')).toEqual([])

    const repaired = await run(h.warehouse, { initialDays: 20 })
    expect(vendorOutcomes(repaired).every((o) => o.status === 'succeeded')).toBe(true)
    expect(await h.warehouse.getCursor('anthropic', 'cost_report')).toBe('2026-03-14')
    expect(await keyDuplicates(h.warehouse, 'anthropic_cost_report')).toBe(0)
    await expectTruth(h.warehouse, addDays('2026-03-14', -19), '2026-03-14')
  })

  it('a commit that fails inside BigQuery rolls back whole; the next run repairs it', async () => {
    const isCommit = (r: { api: string; jobConfig?: Record<string, unknown> }) =>
      r.api === 'jobs.insert' && JSON.stringify(r.jobConfig ?? {}).includes('BEGIN TRANSACTION')
    h.double.failNext(1, { match: isCommit, reason: 'invalidQuery', as: 'job' })
    const since = h.double.requests.length
    const failed = await run(h.warehouse, { initialDays: 10 })
    expect(failed.status).not.toBe('succeeded')
    const modifications = targetsOnly(h.modifications(since))
    for (const table of [...DATA_TABLES, '_ingest_state'])
      expect(modifications[table]).toBeUndefined()
    expect(await h.warehouse.getCursor('anthropic', 'messages_usage')).toBeUndefined()

    const repaired = await run(h.warehouse, { initialDays: 10 })
    expect(vendorOutcomes(repaired).every((o) => o.status === 'succeeded')).toBe(true)
    expect(await keyDuplicates(h.warehouse, 'anthropic_messages_usage')).toBe(0)
    await expectTruth(h.warehouse, addDays('2026-03-14', -9), '2026-03-14')
  })

  it('retries transient BigQuery errors (rate limits, backend errors) without doubling rows', async () => {
    h.double.failNext(2, { match: (r) => r.api === 'jobs.upload', reason: 'rateLimitExceeded' })
    h.double.failNext(1, {
      match: (r) => JSON.stringify(r.jobConfig ?? {}).includes('BEGIN TRANSACTION'),
      reason: 'backendError',
      as: 'job',
    })
    const since = h.double.requests.length
    const report = await run(h.warehouse, { initialDays: 10 })
    expect(vendorOutcomes(report).every((o) => o.status === 'succeeded')).toBe(true)
    expect(h.double.requests.slice(since).filter((r) => r.injectedFault)).toHaveLength(3)
    expect(h.clock.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(3)
    expect(targetsOnly(h.modifications(since)).anthropic_cost_report).toBe(1)
    expect(await keyDuplicates(h.warehouse, 'anthropic_cost_report')).toBe(0)
    // The backoff sleeps move the fake clock, and the simulator's latest day grows with it.
    await expectTruth(h.warehouse, addDays('2026-03-14', -9), '2026-03-13')
  })
})
