// Runs the warehouse conformance suite against the BigQuery engine: the real
// @google-cloud/bigquery client talking to the local BigQuery double (one per warehouse).
// The suite states per-load semantics (a load is visible, with its cursor and record, once
// `load()` resolves); BigQuery defers commits to `flush()`, so the harness flushes after each
// load and each recorded failure — the suite then checks the same unit of work through the
// deferred path. Multi-load flushes are covered in test/integration/bigquery-*.test.ts.

import { runWarehouseContract } from './warehouse.contract.js'
import { startBigQueryDouble, type BigQueryDouble } from '../helpers/bigquery-double/index.js'
import { createBigQueryWarehouse } from '../../src/warehouse/bigquery/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'

const doubles: BigQueryDouble[] = []

/** The same warehouse, committing each load (and each failed-load record) at once. */
function flushingEachLoad(wh: Warehouse): Warehouse {
  const flush = () => wh.flush?.()
  return {
    capabilities: wh.capabilities,
    migrate: (options) => wh.migrate(options),
    load: async (request) => {
      const staged = await wh.load(request)
      const report = await flush()
      return { ...staged, tableModifications: countTargets(report, request) }
    },
    recordLoad: async (record) => {
      await wh.recordLoad(record)
      await flush()
    },
    flush: () => wh.flush!(),
    saveRun: (run) => wh.saveRun(run),
    getRun: (runId) => wh.getRun(runId),
    getCursor: (vendor, resource) => wh.getCursor(vendor, resource),
    listStates: () => wh.listStates(),
    query: (sql, options) => wh.query(sql, options),
    close: () => wh.close(),
  }
}

/** Modifications of the request's target tables (staging and bookkeeping excluded). */
function countTargets(
  report: Awaited<ReturnType<NonNullable<Warehouse['flush']>>> | undefined,
  request: Parameters<Warehouse['load']>[0],
): number {
  const targets = new Set(request.tables.map((t) => t.table))
  return Object.entries(report?.tableModifications ?? {})
    .filter(([table]) => targets.has(table))
    .reduce((n, [, count]) => n + count, 0)
}

runWarehouseContract({
  name: 'bigquery',
  create: async ({ sqlDir, faults }) => {
    const double = await startBigQueryDouble({ projectId: 'contract-project' })
    doubles.push(double)
    const warehouse = await createBigQueryWarehouse({
      projectId: double.projectId,
      dataset: 'ai_usage',
      retentionDays: 400,
      sqlDir,
      clientOptions: double.clientOptions(),
      hooks: { beforeCommit: faults?.beforeCommit },
    })
    return flushingEachLoad(warehouse)
  },
  cleanup: async () => {
    for (const double of doubles.splice(0)) await double.close()
  },
})
