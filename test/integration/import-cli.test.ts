// `ai-usage import`: the real binary once for help and once for an import (spawning costs
// seconds), then the command in-process with a captured output for the exit-code paths:
// 0 imported or unchanged, 1 a bad row (file, line and field in the JSON error), 2 usage.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppContext } from '../../src/app/context.js'
import { importCommand, type ImportCommandOptions } from '../../src/cli/commands/import.js'
import { reportError, type Output } from '../../src/cli/output.js'
import { loadConfig } from '../../src/config/load.js'
import { silentLogger } from '../../src/core/logger.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { FIXTURES, prepareSqlDir, writeCsv } from './import-harness.js'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/ai-usage.js')
const SAMPLE = join(FIXTURES, 'claude-ai-activity-export.csv')
const tmp = createTmpDirs()
afterEach(() => tmp.cleanup())

async function spawnCli(cwd: string, args: string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: cwd,
    AI_USAGE_DUCKDB_PATH: join(cwd, 'w.duckdb'),
  }
  const r = await run(process.execPath, [BIN, ...args], { cwd, env, timeout: 60_000 })
  return r.stdout
}

/** The command as main.ts runs it, minus the process: exit code plus what it printed. */
function inProcess(dir: string) {
  const config = loadConfig({ env: {}, file: undefined })
  const sqlDir = prepareSqlDir(dir)
  const ctx = {
    ...createAppContext(config, { logger: silentLogger }),
    openWarehouse: () => createDuckdbWarehouse({ path: join(dir, 'w.duckdb'), sqlDir }),
  }
  return async (opts: ImportCommandOptions, json = false) => {
    const printed = { out: [] as string[], err: [] as string[] }
    const output: Output = {
      json,
      isTty: false,
      out: (t) => printed.out.push(t),
      err: (t) => printed.err.push(t),
    }
    const code = await importCommand(ctx, output, opts).catch((e: unknown) =>
      reportError(output, e),
    )
    return { code, stdout: printed.out.join('\n'), stderr: printed.err.join('\n') }
  }
}

describe('ai-usage import (binary)', () => {
  it('--help lists every kind with its columns and an example line; an import prints its counts', async () => {
    const cwd = tmp.make('import-cli-')
    const help = await spawnCli(cwd, ['import', '--help'])
    for (const kind of ['claude-ai-activity', 'claude-code-team', 'invoices', 'identity-map'])
      expect(help).toContain(`  ${kind}`)
    expect(help).toContain('columns: identity, email, team')
    expect(help).toContain('mara@example.com,"$1,034.83","15,344"')
    const imported = await spawnCli(cwd, ['import', 'claude-ai-activity', SAMPLE])
    expect(imported).toContain('import_claude_ai_events: 0 → 11 rows')
  })
})

describe('ai-usage import (command)', () => {
  it('reports an unchanged re-import and prints warnings to stderr even with --json', async () => {
    const dir = tmp.make('import-cmd-')
    const cli = inProcess(dir)
    expect((await cli({ kind: 'claude-ai-activity', file: SAMPLE })).code).toBe(0)
    const again = await cli({ kind: 'claude-ai-activity', file: SAMPLE })
    expect(again).toMatchObject({ code: 0 })
    expect(again.stdout).toContain('unchanged, nothing written (11 rows, 2026-10-15..2026-10-17)')
    const name = 'claude_code_team_2026-09-01_to_2026-09-30.csv'
    const copy = writeCsv(dir, name, 'User,Lines this Month\na@example.com,1\n')
    const mismatch = await cli({ kind: 'claude-code-team', file: copy, month: '2026-10' }, true)
    expect(mismatch.stderr).toContain('warning: The file name mentions 2026-09-01')
    expect(JSON.parse(mismatch.stdout)).toMatchObject({
      status: 'imported',
      warnings: [expect.any(String)],
    })
  })

  it('a bad row exits 1 with file, line and field in the JSON error', async () => {
    const dir = tmp.make('import-cmd-')
    const bad = writeCsv(
      dir,
      'team.csv',
      'User,Lines this Month\na@example.com,1\nb@example.com,"1,2"\n',
    )
    const failed = await inProcess(dir)(
      { kind: 'claude-code-team', file: bad, month: '2026-10' },
      true,
    )
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.stdout)).toMatchObject({
      code: 'IMPORT_INVALID',
      context: { file: 'team.csv', line: 3, field: 'lines_this_month' },
    })
  })

  it('a missing --month, an unknown kind or a missing file is a usage error (exit 2)', async () => {
    const dir = tmp.make('import-cmd-')
    const cli = inProcess(dir)
    const team = join(FIXTURES, 'claude-code-team-export-lines.csv')
    const noMonth = await cli({ kind: 'claude-code-team', file: team })
    expect(noMonth).toMatchObject({ code: 2 })
    expect(noMonth.stderr).toContain('--month YYYY-MM')
    expect((await cli({ kind: 'receipts', file: team })).code).toBe(2)
    expect((await cli({ kind: 'invoices', file: join(dir, 'nope.csv') })).code).toBe(2)
  })
})
