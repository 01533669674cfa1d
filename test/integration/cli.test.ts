// The CLI as a user runs it: the real binary in a child process.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../helpers/tmp.js'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/ai-usage.js')
const tmp = createTmpDirs()
afterEach(() => tmp.cleanup())

async function cli(args: string[], env: Record<string, string> = {}) {
  const cwd = tmp.make('cli-')
  const base = { PATH: process.env.PATH ?? '', HOME: cwd }
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, ...env },
      timeout: 60_000,
    })
    return { code: 0, stdout: r.stdout, stderr: r.stderr, cwd }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr, cwd }
  }
}

describe('ai-usage CLI', () => {
  it('run with no keys says what to set and points to the demo (exit 2)', async () => {
    const r = await cli(['run'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('ANTHROPIC_ADMIN_API_KEY')
    expect(r.stderr).toContain('npm run demo')
  })

  it('reports every config problem at once (exit 1)', async () => {
    const r = await cli(['config', 'check'], {
      AI_USAGE_WAREHOUSE: 'oracle',
      AI_USAGE_INITIAL_DAYS: '0',
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('AI_USAGE_WAREHOUSE')
    expect(r.stderr).toContain('AI_USAGE_INITIAL_DAYS')
  })

  it('config check masks the key', async () => {
    const key = 'sk-ant-admin01-' + 'CLITEST-0123456789abcdef'
    const r = await cli(['config', 'check', '--json'], { ANTHROPIC_ADMIN_API_KEY: key })
    expect(r.code).toBe(0)
    expect(r.stdout + r.stderr).not.toContain(key)
    const parsed = JSON.parse(r.stdout) as { sources: Array<{ vendor: string; enabled: boolean }> }
    expect(parsed.sources).toContainEqual(
      expect.objectContaining({ vendor: 'anthropic', enabled: true }),
    )
  })

  it('rejects bad dates as usage errors (exit 2)', async () => {
    const r = await cli(['run', '--from', '2026-02-30'], {
      ANTHROPIC_ADMIN_API_KEY: 'sk-ant-admin01-' + 'x-0123456789abcdef',
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--from')
  })

  it('demo reconciles to the simulators, then query reads the result read-only', async () => {
    const demo = await cli(['demo', '--days', '5', '--no-serve', '--json', '--db', 'demo.duckdb'])
    expect(demo.code).toBe(0)
    const out = JSON.parse(demo.stdout) as {
      report: { status: string }
      reconciliation: Array<{ mismatchedDays: string[]; days: number }>
    }
    expect(out.report.status).toBe('succeeded')
    expect(out.reconciliation.every((c) => c.days === 5 && c.mismatchedDays.length === 0)).toBe(
      true,
    )

    const env = { AI_USAGE_DUCKDB_PATH: join(demo.cwd, 'demo.duckdb') }
    const q = await cli(['query', '--json', 'SELECT count(*) AS n FROM cost_daily'], env)
    expect(q.code).toBe(0)
    expect(Number((JSON.parse(q.stdout) as Array<{ n: number }>)[0]!.n)).toBeGreaterThan(0)
    const write = await cli(['query', 'DELETE FROM anthropic_cost_report'], env)
    expect(write.code).toBe(1)
    expect(write.stderr).toMatch(/read-only|not allowed|only/i)
    const status = await cli(['status', '--json'], env)
    expect(status.code).toBe(0)
    expect(
      (JSON.parse(status.stdout) as Array<{ vendor: string }>).filter(
        (r) => r.vendor === 'anthropic',
      ),
    ).toHaveLength(7)
  })
})
