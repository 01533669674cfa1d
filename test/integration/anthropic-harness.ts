// Builds what an Anthropic pipeline test needs: the simulator and the pipeline on one fake
// clock, a real DuckDB file in a temp dir, and helpers to read totals back exactly.

import { join } from 'node:path'
import { createCapturingLogger } from '../../src/core/logger.js'
import { dollars, type Money } from '../../src/core/money.js'
import type { Day } from '../../src/core/days.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import { createAnthropicSource } from '../../src/sources/anthropic/index.js'
import {
  startAnthropicSimulator,
  type AnthropicSimulator,
} from '../../src/simulators/anthropic/index.js'
import {
  createDuckdbWarehouse,
  type DuckdbWarehouseOptions,
} from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export interface Harness {
  clock: FakeClock
  sim: AnthropicSimulator
  warehouse: Warehouse
  dbPath: string
  logger: ReturnType<typeof createCapturingLogger>
  run(options?: RunOptions): ReturnType<typeof runPipeline>
  reopen(hooks?: DuckdbWarehouseOptions['hooks']): Promise<void>
  close(): Promise<void>
}

export async function createHarness(
  dir: string,
  opts: { now?: string; historyDays?: number; lookbackDays?: number } = {},
): Promise<Harness> {
  const clock = createFakeClock(opts.now ?? '2026-03-15T10:00:00Z')
  const sim = await startAnthropicSimulator({
    now: () => clock.now(),
    historyDays: opts.historyDays,
  })
  const logger = createCapturingLogger()
  const dbPath = join(dir, 'test.duckdb')
  const source = createAnthropicSource(
    {
      adminApiKey: sim.apiKey,
      baseUrl: sim.url,
      lookbackDays: opts.lookbackDays ?? 3,
      requestsPerMinute: 100_000,
    },
    { clock, logger, bucketsPerPage: 7 },
  )!
  const h: Harness = {
    clock,
    sim,
    logger,
    dbPath,
    warehouse: await open(),
    run: (options) =>
      runPipeline(
        { sources: [source], warehouse: h.warehouse, logger, clock },
        { initialDays: 45, ...options },
      ),
    reopen: async (hooks) => {
      await h.warehouse.close()
      h.warehouse = await open(hooks)
    },
    close: async () => {
      await h.warehouse.close()
      await sim.close()
    },
  }
  const report = await h.warehouse.migrate()
  if (report.error) throw report.error
  return h

  async function open(hooks?: DuckdbWarehouseOptions['hooks']) {
    return createDuckdbWarehouse({ path: dbPath, clock, logger, hooks })
  }
}

/** Vendor-reported spend per day from the public view, exact. */
export async function costByDay(
  warehouse: Warehouse,
  provider = 'anthropic',
): Promise<Map<Day, Money>> {
  const rows = await warehouse.query<{ d: string; c: string }>(
    `SELECT CAST(usage_date AS STRING) AS d, CAST(sum(cost_usd) AS STRING) AS c FROM cost_daily
     WHERE provider = $p AND basis = 'vendor_reported' GROUP BY 1`,
    { params: { p: provider } },
  )
  return new Map(rows.map((r) => [r.d, dollars(r.c)]))
}

/** A fingerprint of every loaded row (minus load bookkeeping), to prove a re-run changed nothing. */
export async function tableFingerprint(
  warehouse: Warehouse,
  table: string,
): Promise<{ rows: number; hash: string }> {
  const [row] = await warehouse.query<{ rows: number; hash: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR)), '')) AS hash
     FROM (SELECT * EXCLUDE (_load_id, _loaded_at) FROM ${table}) AS x`,
  )
  return row!
}

export function costReportRequests(sim: AnthropicSimulator) {
  return sim.requests.filter((r) => r.path === '/v1/organizations/cost_report')
}
