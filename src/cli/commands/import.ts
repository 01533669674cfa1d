// `ai-usage import <kind> <file> [--month YYYY-MM] [--force]`: loads a manual export (claude.ai
// activity, Claude Code team, invoices, identity map) after validating every row. Results go
// to stdout (JSON with --json); warnings always go to stderr as well, so a capped export is
// noticed even when stdout is piped into jq.

import type { AppContext } from '../../app/context.js'
import { describeImportKinds } from '../../imports/registry.js'
import { resolveImportRequest, runImport, type ImportResult } from '../../imports/run.js'
import { EXIT, printJson, type ExitCode, type Output } from '../output.js'
import { migrateOrThrow } from './migrate.js'

export interface ImportCommandOptions {
  kind: string
  file: string
  month?: string
  force?: boolean
}

export async function importCommand(
  ctx: AppContext,
  output: Output,
  opts: ImportCommandOptions,
): Promise<ExitCode> {
  const request = { ...opts, path: opts.file }
  resolveImportRequest(request) // usage errors (exit 2) before the warehouse is opened
  const warehouse = await ctx.openWarehouse()
  try {
    await migrateOrThrow(warehouse)
    const deps = { warehouse, clock: ctx.clock, logger: ctx.logger }
    const result = await runImport(deps, request)
    for (const warning of result.warnings) output.err(`warning: ${warning}`)
    if (output.json) printJson(output, result)
    else printImport(output, result)
    return EXIT.ok
  } finally {
    await warehouse.close()
  }
}

function printImport(output: Output, r: ImportResult): void {
  const days = r.window ? `, ${r.window.from}..${r.window.to}` : ''
  if (r.status === 'unchanged') {
    output.out(
      `${r.file} is the file last imported as ${r.kind}: unchanged, nothing written ` +
        `(${r.rows} rows${days}). Use --force to load it again.`,
    )
    return
  }
  output.out(`Imported ${r.file} as ${r.kind}: ${r.rows} rows${days}.`)
  output.out(`  ${r.table}: ${r.tableRowsBefore} → ${r.tableRowsAfter} rows`)
}

/** The text `ai-usage import --help` ends with. */
export function importHelpText(): string {
  return `
Kinds, their columns and an example:

${describeImportKinds()}

Every row is validated first: a bad row stops the import naming the file, line and field,
and nothing is loaded. Importing the same file again changes nothing; an overlapping or
corrected file never doubles a row. See docs/imports.md.

Examples:
  $ ai-usage import claude-ai-activity ~/Downloads/claude-logs.csv
  $ ai-usage import claude-code-team claude_code_team_2026-10-01_to_2026-10-17.csv --month 2026-10
  $ ai-usage import invoices invoices-2026-10.csv --json`
}
