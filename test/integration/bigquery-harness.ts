// What a BigQuery engine test needs: the BigQuery double (real REST, real client), the engine
// on it with a fake clock and a capturing logger, and readers for what the double recorded:
// table modifications per table, the DML it executed, the load jobs it received.

import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createCapturingLogger } from '../../src/core/logger.js'
import { defaultSqlDir } from '../../src/warehouse/migration-files.js'
import {
  createBigQueryWarehouse,
  type BigQueryWarehouseOptions,
} from '../../src/warehouse/bigquery/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { startBigQueryDouble, type BigQueryDouble } from '../helpers/bigquery-double/index.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'
import { createTmpDirs } from '../helpers/tmp.js'

export const PROJECT = 'acme-test'
export const DATASET = 'ai_usage'

export interface BigQueryHarness {
  double: BigQueryDouble
  warehouse: Warehouse
  clock: FakeClock
  logger: ReturnType<typeof createCapturingLogger>
  /** A second engine on the same dataset (a new process, e.g. the next scheduled run). */
  open(options?: Partial<BigQueryWarehouseOptions>): Promise<Warehouse>
  /** Table modifications per 'table' (dataset prefix dropped) recorded since `since`. */
  modifications(since?: number): Record<string, number>
  close(): Promise<void>
}

export interface HarnessOptions extends Partial<BigQueryWarehouseOptions> {
  now?: string
  /** Keep only these BigQuery view files (a faster migrate for tests not about views). */
  views?: RegExp
}

export async function createBigQueryHarness(
  harness: HarnessOptions = {},
): Promise<BigQueryHarness> {
  const { now, views, ...options } = harness
  const tmp = createTmpDirs()
  if (views) options.sqlDir = sqlDirWithViews(tmp.make('ai-usage-bq-sql-'), views)
  const clock = createFakeClock(now ?? '2026-03-15T10:00:00Z')
  const double = await startBigQueryDouble({ projectId: PROJECT, now: () => clock.now() })
  const logger = createCapturingLogger()
  const opened: Warehouse[] = []
  const open = async (more: Partial<BigQueryWarehouseOptions> = {}) => {
    const warehouse = await createBigQueryWarehouse({
      projectId: PROJECT,
      dataset: DATASET,
      clientOptions: double.clientOptions(),
      clock,
      logger,
      ...options,
      ...more,
    })
    opened.push(warehouse)
    return warehouse
  }
  return {
    double,
    clock,
    logger,
    warehouse: await open(),
    open,
    modifications: (since = 0) => countModifications(double, since),
    close: async () => {
      for (const warehouse of opened) await warehouse.close().catch(() => undefined)
      await double.close()
      tmp.cleanup()
    },
  }
}

function sqlDirWithViews(dir: string, keep: RegExp): string {
  cpSync(defaultSqlDir(), dir, { recursive: true })
  const views = join(dir, 'bigquery', 'views')
  for (const file of readdirSync(views)) if (!keep.test(file)) rmSync(join(views, file))
  return dir
}

function countModifications(double: BigQueryDouble, since: number): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const request of double.requests.slice(since)) {
    for (const m of request.modifications) {
      const table = m.table.slice(m.table.indexOf('.') + 1)
      counts[table] = (counts[table] ?? 0) + 1
    }
  }
  return counts
}

/** Counts per table without the per-flush scratch tables (`_staging_<tag>_<table>`). */
export function targetsOnly(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([t]) => !t.startsWith('_staging_')))
}
