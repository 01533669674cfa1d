// `ai-usage migrate [--dry-run]`: applies pending migrations and recreates every view.

import type { AppContext } from '../../app/context.js'
import { EXIT, formatTable, printJson, type ExitCode, type Output } from '../output.js'

export async function migrateCommand(
  ctx: AppContext,
  output: Output,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<ExitCode> {
  const warehouse = await ctx.openWarehouse()
  try {
    const report = await warehouse.migrate({ dryRun: opts.dryRun })
    if (output.json) printJson(output, { ...report, error: report.error?.message })
    else if (opts.dryRun) output.out(report.statements.map((s) => `${s.trim()};`).join('\n\n'))
    else
      output.out(
        formatTable(
          ['file', 'kind', 'status'],
          report.results.map((r) => [r.name, r.kind, r.status + (r.error ? `: ${r.error}` : '')]),
        ),
      )
    if (report.error) {
      if (!output.json) output.err(`error: ${report.error.message}`)
      return EXIT.error
    }
    return EXIT.ok
  } finally {
    await warehouse.close()
  }
}

// Moved to src/pipeline/migrate.ts (the server needs it too); re-exported for bench/run.ts.
export { migrateOrThrow } from '../../pipeline/migrate.js'
