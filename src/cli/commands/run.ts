// `ai-usage run`: the daily job. Applies pending migrations, runs every configured source,
// prints a per-resource summary, exits 3 when any resource failed (saying which and why).

import type { AppContext } from '../../app/context.js'
import { KNOWN_SOURCES } from '../../sources/registry.js'
import { runPipeline } from '../../pipeline/run.js'
import type { RunReport } from '../../pipeline/report.js'
import { parseDayOrThrow } from '../../core/days.js'
import { PipelineError } from '../../core/errors.js'
import { EXIT, formatTable, printJson, type ExitCode, type Output } from '../output.js'
import { createProgressPrinter } from '../progress.js'
import { migrateOrThrow } from '../../pipeline/migrate.js'
import { deriveSettingsFromConfig } from '../../pipeline/derive-settings.js'

export interface RunCommandOptions {
  from?: string
  to?: string
  sources?: string
  json?: boolean
  trigger?: string
}

export async function runCommand(
  ctx: AppContext,
  output: Output,
  opts: RunCommandOptions,
): Promise<ExitCode> {
  if (ctx.sources.length === 0) return explainNoSources(output)
  const window = parseWindow(opts)
  const warehouse = await ctx.openWarehouse()
  try {
    await migrateOrThrow(warehouse)
    const printer = output.isTty && !output.json ? createProgressPrinter(output) : undefined
    const report = await runPipeline(
      {
        sources: ctx.sources,
        warehouse,
        logger: ctx.logger,
        clock: ctx.clock,
        derive: deriveSettingsFromConfig(ctx.config, ctx),
      },
      {
        ...window,
        only: splitList(opts.sources),
        initialDays: ctx.config.run.initialDays,
        trigger: opts.trigger ?? 'cli',
        onProgress: printer,
      },
    )
    printReport(output, report)
    return report.status === 'succeeded' ? EXIT.ok : EXIT.partial
  } finally {
    await warehouse.close()
  }
}

export function parseWindow(opts: { from?: string; to?: string }): { from?: string; to?: string } {
  try {
    const from = opts.from ? parseDayOrThrow(opts.from, '--from') : undefined
    const to = opts.to ? parseDayOrThrow(opts.to, '--to') : undefined
    if (from && to && from > to) throw new RangeError(`--from ${from} is after --to ${to}`)
    return { from, to }
  } catch (error) {
    throw new PipelineError('USAGE', (error as Error).message)
  }
}

function splitList(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined
}

function explainNoSources(output: Output): ExitCode {
  const lines = [
    'No vendor credentials are configured, so there is nothing to collect.',
    'Set at least one of these (environment or ai-usage.config.yaml):',
    ...KNOWN_SOURCES.map((s) => `  ${s.title.padEnd(12)} ${s.requiredEnv.join(' + ')}`),
    'To see the whole pipeline work without keys, run the demo against the bundled simulators:',
    '  npm run demo        (or: ai-usage demo --days 30)',
  ]
  if (output.json)
    printJson(output, { error: lines[0], code: 'CONFIG_INVALID', required: KNOWN_SOURCES })
  else output.err(lines.join('\n'))
  return EXIT.usage
}

export function printReport(output: Output, report: RunReport): void {
  if (output.json) return printJson(output, report)
  const rows = report.resources.map((r) => [
    `${r.vendor}.${r.resource}`,
    r.status,
    r.window ? `${r.window.from}..${r.window.to}` : '-',
    r.rows,
    r.pages,
    r.retries,
    `${(r.durationMs / 1000).toFixed(1)}s`,
  ])
  output.out(
    formatTable(['resource', 'status', 'window', 'rows', 'pages', 'retries', 'time'], rows),
  )
  for (const r of report.resources.filter((x) => x.status === 'failed')) {
    output.out(`\n✗ ${r.vendor}.${r.resource} failed: ${r.error?.message ?? ''}`)
  }
  output.out(`\nrun ${report.runId}: ${report.status} in ${(report.durationMs / 1000).toFixed(1)}s`)
}
