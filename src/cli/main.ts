#!/usr/bin/env node
// The `ai-usage` command line: parse, build the app context, dispatch, and turn the outcome
// into an exit code (the only place that exits the process).

import { Command, CommanderError, Option } from 'commander'
import { createAppContext, resolveAppContext, type AppContext } from '../app/context.js'
import { loadConfig } from '../config/load.js'
import { createJsonLogger } from '../core/logger.js'
import { configCheckCommand } from './commands/config.js'
import { demoCommand } from './commands/demo.js'
import { importCommand, importHelpText } from './commands/import.js'
import { IMPORT_KIND_NAMES } from '../imports/kind.js'
import { migrateCommand } from './commands/migrate.js'
import { queryCommand } from './commands/query.js'
import { runCommand } from './commands/run.js'
import { serveCommand } from './commands/serve.js'
import { statusCommand } from './commands/status.js'
import { EXIT, createOutput, reportError, type ExitCode, type Output } from './output.js'

interface GlobalOptions {
  config?: string
  json?: boolean
  verbose?: boolean
}

function logLevel(
  globals: GlobalOptions,
  output: Output,
  configured: AppContext['config']['logLevel'],
) {
  // On a terminal, progress lines replace info logs unless --verbose asks for them.
  return globals.verbose ? 'debug' : output.isTty && !output.json ? 'warn' : configured
}

/** The app context with `sm://` secret references resolved from Secret Manager. */
async function context(globals: GlobalOptions, output: Output): Promise<AppContext> {
  const config = loadConfig({ file: globals.config })
  const logger = createJsonLogger({ level: logLevel(globals, output, config.logLevel) })
  return resolveAppContext(config, { logger })
}

/** Without resolving secrets: `config check` must work without access to Secret Manager. */
function localContext(globals: GlobalOptions, output: Output): AppContext {
  const config = loadConfig({ file: globals.config })
  return createAppContext(config, {
    logger: createJsonLogger({ level: logLevel(globals, output, config.logLevel) }),
  })
}

async function execute(
  program: Command,
  action: (output: Output, globals: GlobalOptions) => Promise<ExitCode> | ExitCode,
) {
  const globals = program.opts<GlobalOptions>()
  const output = createOutput(Boolean(globals.json))
  try {
    process.exitCode = await action(output, globals)
  } catch (error) {
    process.exitCode = reportError(output, error)
  }
}

export function buildProgram(): Command {
  // exitOverride first: subcommands inherit it only when created after it, and usage errors
  // inside a subcommand must exit 2 like any other.
  const program = new Command('ai-usage')
    .exitOverride()
    .description(
      'Collect AI-tool usage and cost (Anthropic, Cursor, OpenAI, GitHub Copilot) into a warehouse and answer what was spent, on what, by whom.',
    )
    .option('-c, --config <file>', 'YAML config file (default: ./ai-usage.config.yaml if present)')
    .option('--json', 'print results as JSON on stdout (logs stay on stderr)')
    .option('-v, --verbose', 'show debug logs on stderr')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ npm run demo                                  # everything against bundled simulators, no keys needed
  $ ANTHROPIC_ADMIN_API_KEY=sk-ant-admin01-… ai-usage run
  $ ai-usage run --from 2026-01-01 --to 2026-03-31 --sources anthropic.cost_report
  $ ai-usage status
  $ ai-usage query "SELECT provider, sum(cost_usd) FROM cost_daily GROUP BY 1"

Exit codes: 0 ok, 1 error, 2 usage or missing configuration, 3 finished with failed resources.`,
    )

  program
    .command('run')
    .description(
      'Run the daily job: fetch every configured source (saved cursor minus lookback up to yesterday UTC) and load idempotently.',
    )
    .option('--from <day>', 'first UTC day to fetch (YYYY-MM-DD); overrides the saved cursor')
    .option('--to <day>', 'last UTC day to fetch (YYYY-MM-DD); default yesterday UTC')
    .option(
      '--sources <list>',
      "only these, comma-separated: a vendor ('anthropic') or a resource ('anthropic.cost_report')",
    )
    .action((opts: { from?: string; to?: string; sources?: string }) =>
      execute(program, async (output, g) =>
        runCommand(await context(g, output), output, { ...opts, json: g.json }),
      ),
    )

  program
    .command('migrate')
    .description('Apply pending schema migrations and recreate every view.')
    .option('--dry-run', 'print the statements without running them')
    .action((opts: { dryRun?: boolean }) =>
      execute(program, async (output, g) =>
        migrateCommand(await context(g, output), output, { ...opts, json: g.json }),
      ),
    )

  program
    .command('status')
    .description(
      'Per resource: cursor (last loaded day), last run, status, rows loaded and last error.',
    )
    .action(() =>
      execute(program, async (output, g) => statusCommand(await context(g, output), output)),
    )

  program
    .command('query')
    .description(
      'Run read-only SQL against the warehouse (views: cost_daily, usage_daily, pipeline_runs …).',
    )
    .argument('<sql>', 'a single SELECT statement')
    .action((sql: string) =>
      execute(program, async (output, g) => queryCommand(await context(g, output), output, sql)),
    )

  program
    .command('import')
    .description(
      'Import a manual export (validated, idempotent): claude.ai activity, Claude Code team, invoices, identity map.',
    )
    .argument('<kind>', `what the file is: ${IMPORT_KIND_NAMES.join(' | ')}`)
    .argument('<file>', 'the CSV file')
    .option('--month <YYYY-MM>', 'the month a claude-code-team export is month-to-date for')
    .option('--force', 'load the file even if it is the one last imported')
    .addHelpText('after', importHelpText())
    .action((kind: string, file: string, opts: { month?: string; force?: boolean }) =>
      execute(program, async (output, g) =>
        importCommand(await context(g, output), output, { kind, file, ...opts }),
      ),
    )

  program
    .command('demo')
    .description(
      'Start the bundled vendor simulators, run the pipeline against them into ./data/demo.duckdb, and reconcile with their true totals.',
    )
    .addOption(
      new Option('--days <n>', 'days of history to load').default(90).argParser(positiveInt),
    )
    .option('--db <file>', 'DuckDB file for the demo', './data/demo.duckdb')
    .option(
      '--no-serve',
      'exit after the run instead of serving a dashboard (accepted for scripts; there is no dashboard yet, so the demo always exits)',
    )
    .action((opts: { days: number; db: string; serve: boolean }) =>
      execute(program, (output, g) =>
        demoCommand(output, {
          ...opts,
          json: g.json,
          logger: createJsonLogger({ level: g.verbose ? 'debug' : 'warn' }),
        }),
      ),
    )

  program
    .command('serve')
    .description(
      'Run the HTTP service (Cloud Run): POST /run (Google OIDC token), GET /runs/:id, /healthz, /readyz; JSON logs on stdout.',
    )
    .addOption(
      new Option('--port <n>', 'port to listen on (default: $PORT, else 8080)').argParser(
        positiveInt,
      ),
    )
    .action((opts: { port?: number }) =>
      execute(program, (_output, g) =>
        serveCommand({ port: opts.port, config: g.config, verbose: g.verbose }),
      ),
    )

  const config = program.command('config').description('Inspect the configuration.')
  config
    .command('check')
    .description('Validate the configuration and print it with secrets masked.')
    .action(() =>
      execute(program, (output, g) => configCheckCommand(localContext(g, output), output)),
    )

  return program
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new CommanderError(
      EXIT.usage,
      'usage',
      `expected a positive whole number, got "${value}"`,
    )
  return n
}

// `ai-usage query … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok)
  throw error
})

const program = buildProgram()
try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage
  } else {
    process.exitCode = reportError(createOutput(false), error)
  }
}
