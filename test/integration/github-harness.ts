// Builds what a GitHub Copilot pipeline test needs: the simulator and the pipeline on one fake
// clock, a real DuckDB file in a temp dir, and exact read-backs of what landed. A `fetch`
// wrapper lets a test act between the report request and its downloads (e.g. move the clock).

import { join } from 'node:path'
import { createCapturingLogger } from '../../src/core/logger.js'
import { dollars, type Money } from '../../src/core/money.js'
import type { Day } from '../../src/core/days.js'
import type { RunReport } from '../../src/pipeline/report.js'
import { runPipeline, type RunOptions } from '../../src/pipeline/run.js'
import { createGithubSource } from '../../src/sources/github/index.js'
import { GITHUB_CONFIG_DEFAULTS } from '../../src/sources/github/config.js'
import {
  startGithubSimulator,
  type GithubSimulator,
  type GithubSimulatorOptions,
} from '../../src/simulators/github/index.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export interface GithubHarness {
  clock: FakeClock
  sim: GithubSimulator
  warehouse: Warehouse
  logger: ReturnType<typeof createCapturingLogger>
  run(options?: RunOptions): ReturnType<typeof runPipeline>
  close(): Promise<void>
}

export interface GithubHarnessOptions {
  now?: string
  sim?: Omit<GithubSimulatorOptions, 'now'>
  seatPriceUsd?: string
  scope?: 'organization' | 'enterprise'
  /** Wraps the pipeline's fetch: `(next) => (url, init) => …`. */
  wrapFetch?: (next: typeof fetch, h: GithubHarness) => typeof fetch
}

export async function createGithubHarness(
  dir: string,
  opts: GithubHarnessOptions = {},
): Promise<GithubHarness> {
  const clock = createFakeClock(opts.now ?? '2026-03-15T10:00:00Z')
  const sim = await startGithubSimulator({ ...opts.sim, now: () => clock.now() })
  const logger = createCapturingLogger()
  const warehouse = await createDuckdbWarehouse({ path: join(dir, 'gh.duckdb'), clock, logger })
  const h: GithubHarness = {
    clock,
    sim,
    logger,
    warehouse,
    run: (options) =>
      runPipeline({ sources: [source], warehouse, logger, clock }, { initialDays: 10, ...options }),
    close: async () => {
      await warehouse.close()
      await sim.close()
    },
  }
  const scope = opts.scope === 'enterprise' ? { enterprise: sim.enterprise } : { org: sim.org }
  const source = createGithubSource(
    {
      ...GITHUB_CONFIG_DEFAULTS,
      ...scope,
      token: sim.apiKey,
      apiUrl: sim.url,
      requestsPerHour: 1_000_000,
      seatPriceUsd: opts.seatPriceUsd,
    },
    { clock, logger, fetch: opts.wrapFetch?.(globalThis.fetch, h) },
  )!
  const report = await warehouse.migrate()
  if (report.error) throw report.error
  return h
}

/** Exact sums per key from a query returning `{ k, v }` rows (v a decimal string). */
export async function moneyBy(warehouse: Warehouse, sql: string): Promise<Map<string, Money>> {
  const rows = await warehouse.query<{ k: string; v: string }>(sql)
  return new Map(rows.map((r) => [r.k, dollars(r.v)]))
}

/** Vendor-reported GitHub spend per day from the public cost_daily view. */
export function premiumByDay(warehouse: Warehouse): Promise<Map<Day, Money>> {
  return moneyBy(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) AS k, CAST(sum(cost_usd) AS VARCHAR) AS v FROM cost_daily
     WHERE provider = 'github' AND basis = 'vendor_reported' GROUP BY 1`,
  )
}

/** Premium spend per "day login" from the per-user attribution table. */
export function premiumByDayAndUser(warehouse: Warehouse): Promise<Map<string, Money>> {
  return moneyBy(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || user_login AS k, CAST(sum(net_amount_usd) AS VARCHAR) AS v
     FROM github_copilot_premium_user_usage GROUP BY 1`,
  )
}

/** A fingerprint of every loaded row (minus load bookkeeping), to prove a re-run changed nothing. */
export async function fingerprint(warehouse: Warehouse, table: string) {
  const [row] = await warehouse.query<{ rows: number; hash: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR)), '')) AS hash
     FROM (SELECT * EXCLUDE (_load_id, _loaded_at) FROM ${table}) AS x`,
  )
  return row!
}

/** The GitHub resources of a run report (the pipeline appends derived steps after them). */
export function githubOutcomes(report: RunReport) {
  return report.resources.filter((r) => r.vendor === 'github')
}

export function reportRequests(sim: GithubSimulator, kind: string) {
  return sim.requests.filter((r) => r.path.endsWith(`/copilot/metrics/reports/${kind}`))
}
