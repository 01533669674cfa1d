// The real pipeline (Anthropic simulator → extract → normalize) into the BigQuery engine over
// the real client and the BigQuery double: a long multi-chunk backfill issues batch load jobs
// into expiring staging tables and ONE partition-filtered MERGE per table, so every table is
// modified at most a few times per run, and the engine reports those modifications.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/days.js'
import {
  DATA_TABLES,
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

describe('BigQuery pipeline run (real client, BigQuery double)', () => {
  it('backfills 120 days with load jobs and one partition-filtered MERGE per table', async () => {
    const since = h.double.requests.length
    const report = await t.run(h.warehouse)
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
    await t.expectTruth(h.warehouse, addDays('2026-03-14', -119), '2026-03-14')
  })

  it('stages with NDJSON batch load jobs into staging tables that expire after a day', async () => {
    const since = h.double.requests.length
    await t.run(h.warehouse, { initialDays: 10 })
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
    await t.run(h.warehouse, { initialDays: 20 })
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
})
