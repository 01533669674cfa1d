// Builds what a Cursor pipeline test needs: the simulator and the pipeline on one fake clock
// (its sleeps advance time, so pacing costs no real time), a real DuckDB file in a temp dir,
// and helpers that read the public views back exactly.

import { join } from 'node:path'
import { createCapturingLogger } from '../../src/core/logger.js'
import type { Day } from '../../src/core/days.js'
import { dollars, type Money } from '../../src/core/money.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import {
  startCursorSimulator,
  type CursorSimulator,
  type CursorSimulatorOptions,
} from '../../src/simulators/cursor/index.js'
import { cursorConfigSchema, type CursorConfig } from '../../src/sources/cursor/config.js'
import { createCursorSource, type CursorSourceDeps } from '../../src/sources/cursor/index.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export interface CursorHarness {
  clock: FakeClock
  sim: CursorSimulator
  warehouse: Warehouse
  logger: ReturnType<typeof createCapturingLogger>
  run(options?: RunOptions): ReturnType<typeof runPipeline>
  close(): Promise<void>
}

export interface CursorHarnessOptions {
  now?: string
  sim?: Omit<CursorSimulatorOptions, 'now'>
  config?: Partial<CursorConfig>
  deps?: Omit<CursorSourceDeps, 'clock' | 'logger'>
}

export async function createCursorHarness(
  dir: string,
  opts: CursorHarnessOptions = {},
): Promise<CursorHarness> {
  const clock = createFakeClock(opts.now ?? '2026-03-15T10:05:00Z')
  // No rate limit unless the test asks: most tests are about data, not pacing.
  const sim = await startCursorSimulator({ rateLimit: false, ...opts.sim, now: () => clock.now() })
  const logger = createCapturingLogger()
  const config = cursorConfigSchema.parse({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    requestsPerMinute: 100_000,
    ...opts.config,
  })
  const source = createCursorSource(config, { clock, logger, eventsPageSize: 200, ...opts.deps })!
  const warehouse = await createDuckdbWarehouse({ path: join(dir, 'cursor.duckdb'), clock, logger })
  const report = await warehouse.migrate()
  if (report.error) throw report.error
  return {
    clock,
    sim,
    warehouse,
    logger,
    run: (options) =>
      runPipeline({ sources: [source], warehouse, logger, clock }, { initialDays: 30, ...options }),
    close: async () => {
      await warehouse.close()
      await sim.close()
    },
  }
}

/** cost_daily of one basis, per day, exact. */
export async function cursorCostByDay(
  warehouse: Warehouse,
  basis = 'vendor_reported',
): Promise<Map<Day, Money>> {
  const rows = await warehouse.query<{ d: string; c: string }>(
    `SELECT CAST(usage_date AS VARCHAR) AS d, CAST(sum(cost_usd) AS VARCHAR) AS c FROM cost_daily
     WHERE provider = 'cursor' AND basis = $basis GROUP BY 1`,
    { params: { basis } },
  )
  return new Map(rows.map((r) => [r.d, dollars(r.c)]))
}

/** cost_daily vendor-reported spend per day per person (account_id), exact. */
export async function cursorCostByDayAndPerson(warehouse: Warehouse): Promise<Map<string, Money>> {
  const rows = await warehouse.query<{ k: string; c: string }>(
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || account_id AS k, CAST(sum(cost_usd) AS VARCHAR) AS c
     FROM cost_daily WHERE provider = 'cursor' AND basis = 'vendor_reported' GROUP BY 1`,
  )
  return new Map(rows.map((r) => [r.k, dollars(r.c)]))
}
