// `ai-usage demo`: the whole product with nothing to configure. Starts the bundled vendor
// simulators on loopback, runs the real pipeline against them into ./data/demo.duckdb, then
// prints what was spent and whether every day reconciles to the simulators' true totals.

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createAppContext } from '../../app/context.js'
import { loadConfig } from '../../config/load.js'
import { yesterdayUtc, systemClock } from '../../core/clock.js'
import { addDays } from '../../core/days.js'
import type { Logger } from '../../core/logger.js'
import { runPipeline } from '../../pipeline/run.js'
import { startSimulators, type RunningSimulator } from '../../simulators/index.js'
import type { Warehouse } from '../../warehouse/warehouse.js'
import { EXIT, printJson, type ExitCode, type Output } from '../output.js'
import { createProgressPrinter } from '../progress.js'
import { migrateOrThrow } from '../../pipeline/migrate.js'
import { printReport } from './run.js'
import { reconcile, spendBreakdown, type Reconciliation } from '../demo-report.js'
import { financeSummary, formatFinanceSummary } from '../demo-finance.js'
import { DEMO_BUDGETS, importDemoIdentityMap } from '../demo-setup.js'

export interface DemoOptions {
  days: number
  db: string
  serve: boolean
  json?: boolean
  logger?: Logger
}

export async function demoCommand(output: Output, opts: DemoOptions): Promise<ExitCode> {
  // One fixed "now" for the simulators: recent days keep growing with the clock, so truth and
  // what the pipeline read must be taken at the same instant to reconcile to the cent.
  const now = systemClock.now()
  const sims = await startSimulators({ now: () => now })
  try {
    const env = demoEnv(sims, opts.db)
    const ctx = createAppContext(loadConfig({ env, file: undefined }), { logger: opts.logger })
    mkdirSync(dirname(opts.db), { recursive: true })
    const to = yesterdayUtc(systemClock)
    const from = addDays(to, 1 - opts.days)
    if (!output.json)
      output.err(
        `Demo: ${sims.map((s) => s.title).join(', ')} simulators on loopback → ${opts.db}, ${from}..${to}`,
      )
    const warehouse = await ctx.openWarehouse()
    try {
      await migrateOrThrow(warehouse)
      await importDemoIdentityMap(
        { ...ctx, warehouse },
        opts.db,
        to,
        sims.flatMap((s) => s.identities()),
      )
      const onProgress = output.isTty && !output.json ? createProgressPrinter(output) : undefined
      const report = await runPipeline(
        { ...ctx, warehouse, derive: { budgets: DEMO_BUDGETS } },
        { from, to, trigger: 'demo', onProgress },
      )
      const checks = await reconcileAll(warehouse, sims, from, to)
      const breakdown = await spendBreakdown(warehouse, from, to)
      const finance = await financeSummary(warehouse, from, to)
      if (output.json) printJson(output, { report, breakdown, reconciliation: checks, finance })
      else {
        printDemo(output, report, breakdown, checks)
        output.out(`\n${formatFinanceSummary(finance)}`)
      }
      const ok = report.status === 'succeeded' && checks.every((c) => c.mismatchedDays.length === 0)
      return ok ? EXIT.ok : EXIT.partial
    } finally {
      await warehouse.close()
    }
  } finally {
    await Promise.all(sims.map((s) => s.close()))
  }
}

function demoEnv(sims: RunningSimulator[], db: string): Record<string, string> {
  return Object.assign(
    { AI_USAGE_DUCKDB_PATH: db, AI_USAGE_LOG_LEVEL: 'warn' },
    ...sims.map((s) => s.env),
  ) as Record<string, string>
}

async function reconcileAll(
  warehouse: Warehouse,
  sims: RunningSimulator[],
  from: string,
  to: string,
): Promise<Reconciliation[]> {
  return Promise.all(
    sims.map((s) => reconcile(warehouse, s.vendor, s.costByDay(from, to), from, to)),
  )
}

function printDemo(
  output: Output,
  report: Parameters<typeof printReport>[1],
  breakdown: string,
  checks: Reconciliation[],
) {
  printReport(output, report)
  output.out(`\n${breakdown}`)
  output.out(
    "\nReconciliation with the simulators' true totals (vendor-reported spend, to the cent):",
  )
  for (const c of checks) {
    const verdict =
      c.mismatchedDays.length === 0
        ? `all ${c.days} days match`
        : `${c.mismatchedDays.length} of ${c.days} days differ: ${c.mismatchedDays.slice(0, 5).join(', ')}`
    output.out(
      `  ${c.vendor.padEnd(10)} warehouse ${c.warehouseTotal}  truth ${c.truthTotal}  ${verdict}`,
    )
  }
}
