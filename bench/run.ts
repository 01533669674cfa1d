// `npm run bench`: the 90-day pipeline against the bundled simulators into a fresh DuckDB
// file, then an idempotent re-run of the same window. Prints rows, seconds and peak memory
// (the process's max RSS, simulators included — they run in the same process).
// Usage: npm run bench [-- --days 90 --runs 3]

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createAppContext } from '../src/app/context.js'
import { migrateOrThrow } from '../src/cli/commands/migrate.js'
import { loadConfig } from '../src/config/load.js'
import { systemClock, yesterdayUtc } from '../src/core/clock.js'
import { addDays } from '../src/core/days.js'
import { silentLogger } from '../src/core/logger.js'
import { runPipeline } from '../src/pipeline/run.js'
import { startSimulators } from '../src/simulators/index.js'

const { values } = parseArgs({
  options: { days: { type: 'string', default: '90' }, runs: { type: 'string', default: '3' } },
})
const days = Number(values.days)
const runs = Number(values.runs)

interface Sample {
  run: string
  seconds: number
  rows: number
  pages: number
}

async function once(label: string, dir: string, fresh: boolean): Promise<Sample[]> {
  if (fresh) rmSync(join(dir, 'bench.duckdb'), { force: true })
  const now = systemClock.now()
  const sims = await startSimulators({ now: () => now })
  const env = Object.assign(
    { AI_USAGE_DUCKDB_PATH: join(dir, 'bench.duckdb') },
    ...sims.map((s) => s.env),
  ) as Record<string, string>
  const ctx = createAppContext(loadConfig({ env }), { logger: silentLogger })
  const warehouse = await ctx.openWarehouse()
  const to = yesterdayUtc(systemClock)
  const samples: Sample[] = []
  try {
    await migrateOrThrow(warehouse)
    for (const pass of fresh ? ['load', 're-run'] : ['re-run']) {
      const t0 = performance.now()
      const report = await runPipeline(
        { sources: ctx.sources, warehouse, logger: silentLogger, clock: systemClock },
        { from: addDays(to, 1 - days), to, trigger: 'bench' },
      )
      if (report.status !== 'succeeded') throw new Error(`bench run ${report.status}`)
      samples.push({
        run: `${label} ${pass}`,
        seconds: (performance.now() - t0) / 1000,
        rows: report.resources.reduce((n, r) => n + r.rows, 0),
        pages: report.resources.reduce((n, r) => n + r.pages, 0),
      })
    }
  } finally {
    await warehouse.close()
    await Promise.all(sims.map((s) => s.close()))
  }
  return samples
}

const dir = mkdtempSync(join(tmpdir(), 'ai-usage-bench-'))
try {
  const all: Sample[] = []
  for (let i = 1; i <= runs; i++) all.push(...(await once(`#${i}`, dir, true)))
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(
    `pipeline benchmark: ${days} days, ${runs} fresh runs (each: load into an empty DuckDB, then re-run the same window)`,
  )
  for (const s of all)
    console.log(
      `  ${s.run.padEnd(12)} ${s.seconds.toFixed(2).padStart(7)} s  ${String(s.rows).padStart(8)} rows  ${String(s.pages).padStart(5)} pages`,
    )
  const loads = all.filter((s) => s.run.endsWith('load'))
  const reruns = all.filter((s) => s.run.endsWith('re-run'))
  console.log(
    `median load ${median(loads.map((s) => s.seconds)).toFixed(2)} s (${Math.round(loads[0]!.rows / median(loads.map((s) => s.seconds)))} rows/s), median re-run ${median(reruns.map((s) => s.seconds)).toFixed(2)} s`,
  )
  console.log(
    `peak memory (max RSS of this process): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
