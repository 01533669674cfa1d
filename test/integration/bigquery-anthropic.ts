// The Anthropic pipeline on the BigQuery engine, for the BigQuery pipeline and recovery tests:
// the simulator and the double share one fake clock; views are trimmed to cost_daily and what
// it reads (the views themselves are tested in bigquery-views.test.ts).

import { expect } from 'vitest'
import type { Day } from '../../src/core/days.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import type { RunReport } from '../../src/pipeline/report.js'
import {
  startAnthropicSimulator,
  type AnthropicSimulator,
} from '../../src/simulators/anthropic/index.js'
import { createAnthropicSource } from '../../src/sources/anthropic/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { costByDay } from './anthropic-harness.js'
import { createBigQueryHarness, type BigQueryHarness } from './bigquery-harness.js'

export const DATA_TABLES = [
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

export interface AnthropicOnBigQuery {
  h: BigQueryHarness
  sim: AnthropicSimulator
  run(warehouse: Warehouse, options?: RunOptions): Promise<RunReport>
  expectTruth(warehouse: Warehouse, from: Day, to: Day): Promise<void>
  close(): Promise<void>
}

export async function startAnthropicOnBigQuery(): Promise<AnthropicOnBigQuery> {
  const h = await createBigQueryHarness({ retentionDays: 400, views: COST_DAILY_VIEWS })
  const sim = await startAnthropicSimulator({ now: () => h.clock.now() })
  const migrated = await h.warehouse.migrate()
  if (migrated.error) throw migrated.error
  return {
    h,
    sim,
    run: (warehouse, options = {}) => {
      const source = createAnthropicSource(
        { adminApiKey: sim.apiKey, baseUrl: sim.url, lookbackDays: 3, requestsPerMinute: 100_000 },
        { clock: h.clock, logger: h.logger, bucketsPerPage: 7 },
      )!
      const deps = { sources: [source], warehouse, logger: h.logger, clock: h.clock }
      return runPipeline(deps, { initialDays: 120, ...options })
    },
    expectTruth: async (warehouse, from, to) => {
      const truth = sim.truth.costByDay(from, to)
      const loaded = await costByDay(warehouse)
      for (const [day, amount] of truth) expect(loaded.get(day) ?? 0n, day).toBe(amount)
    },
    close: async () => {
      await sim.close()
      await h.close()
    },
  }
}

export function vendorOutcomes(report: RunReport) {
  return report.resources.filter((r) => r.vendor === 'anthropic')
}

export async function keyDuplicates(warehouse: Warehouse, table: string): Promise<number> {
  const [row] = await warehouse.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT usage_date, line_key FROM ${table} ` +
      'GROUP BY usage_date, line_key HAVING COUNT(*) > 1) AS d',
  )
  return Number(row?.n)
}
