// Builds what an OpenAI pipeline test needs: the simulator and the pipeline on one fake clock,
// a real DuckDB file in a temp dir, and helpers to read totals back exactly.

import { join } from 'node:path'
import { createCapturingLogger } from '../../src/core/logger.js'
import { dollars, type Money } from '../../src/core/money.js'
import type { Day } from '../../src/core/days.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import { openaiConfigSchema, type OpenaiConfig } from '../../src/sources/openai/config.js'
import { createOpenaiSource } from '../../src/sources/openai/index.js'
import {
  startOpenaiSimulator,
  type OpenaiSimulator,
  type OpenaiSimulatorOptions,
} from '../../src/simulators/openai/index.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export interface OpenaiHarness {
  clock: FakeClock
  sim: OpenaiSimulator
  warehouse: Warehouse
  logger: ReturnType<typeof createCapturingLogger>
  run(options?: RunOptions): ReturnType<typeof runPipeline>
  close(): Promise<void>
}

export interface OpenaiHarnessOptions {
  now?: string
  historyDays?: number
  faults?: OpenaiSimulatorOptions['faults']
  config?: Partial<OpenaiConfig>
  bucketsPerPage?: number
}

export async function createOpenaiHarness(
  dir: string,
  opts: OpenaiHarnessOptions = {},
): Promise<OpenaiHarness> {
  const clock = createFakeClock(opts.now ?? '2026-03-15T10:00:00Z')
  const sim = await startOpenaiSimulator({
    now: () => clock.now(),
    historyDays: opts.historyDays,
    faults: opts.faults,
  })
  const logger = createCapturingLogger()
  const config = openaiConfigSchema.parse({
    adminKey: sim.apiKey,
    baseUrl: `${sim.url}/v1`,
    requestsPerMinute: 100_000,
    ...opts.config,
  })
  const source = createOpenaiSource(config, {
    clock,
    logger,
    bucketsPerPage: opts.bucketsPerPage ?? 7,
  })!
  const warehouse = await createDuckdbWarehouse({ path: join(dir, 'test.duckdb'), clock, logger })
  const report = await warehouse.migrate()
  if (report.error) throw report.error
  return {
    clock,
    sim,
    logger,
    warehouse,
    run: (options) =>
      runPipeline({ sources: [source], warehouse, logger, clock }, { initialDays: 45, ...options }),
    close: async () => {
      await warehouse.close()
      await sim.close()
    },
  }
}

/** Vendor-reported OpenAI spend per day from the public view, exact. */
export async function openaiCostByDay(warehouse: Warehouse): Promise<Map<Day, Money>> {
  const rows = await warehouse.query<{ d: string; c: string }>(
    `SELECT CAST(usage_date AS VARCHAR) AS d, CAST(sum(cost_usd) AS VARCHAR) AS c FROM cost_daily
     WHERE provider = 'openai' AND basis = 'vendor_reported' GROUP BY 1`,
  )
  return new Map(rows.map((r) => [r.d, dollars(r.c)]))
}

/** Spend per day and project (account_id) from the public view, exact. */
export async function openaiCostByDayAndProject(
  warehouse: Warehouse,
): Promise<Map<Day, Map<string, Money>>> {
  const rows = await warehouse.query<{ d: string; p: string; c: string }>(
    `SELECT CAST(usage_date AS VARCHAR) AS d, account_id AS p, CAST(sum(cost_usd) AS VARCHAR) AS c
     FROM cost_daily WHERE provider = 'openai' GROUP BY 1, 2`,
  )
  const byDay = new Map<Day, Map<string, Money>>()
  for (const r of rows) {
    const day = byDay.get(r.d) ?? new Map<string, Money>()
    day.set(r.p, dollars(r.c))
    byDay.set(r.d, day)
  }
  return byDay
}

/** A fingerprint of every loaded row (minus load bookkeeping), to prove a re-run changed nothing. */
export async function fingerprint(
  warehouse: Warehouse,
  table: string,
): Promise<{ rows: number; hash: string }> {
  const [row] = await warehouse.query<{ rows: number; hash: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR)), '')) AS hash
     FROM (SELECT * EXCLUDE (_load_id, _loaded_at) FROM ${table}) AS x`,
  )
  return { rows: Number(row!.rows), hash: row!.hash }
}
