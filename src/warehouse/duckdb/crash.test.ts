// A true crash: a child Node process commits one load, then starts a second whose
// beforeCommit hook announces "staged" and blocks; the parent SIGKILLs it there. Reopening the
// file must show the first load's state exactly: no partial rows, no cursor move, no record.

import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createDuckdbWarehouse } from './index.js'
import { costLoad, costRow } from '../../../test/contract/fixtures.js'

const CHILD = (indexUrl: string, fixturesUrl: string) => `
import { createDuckdbWarehouse } from ${JSON.stringify(indexUrl)}
import { costLoad, costRow } from ${JSON.stringify(fixturesUrl)}
const path = process.argv[2]
let crashing = false
const hooks = { beforeCommit: async () => {
  if (!crashing) return
  process.stdout.write('STAGED\\n')
  setInterval(() => {}, 1000)
  await new Promise(() => {}) // hold the open transaction until the parent kills us
} }
const wh = await createDuckdbWarehouse({ path, hooks })
const report = await wh.migrate()
if (report.error) throw report.error
await wh.load(costLoad('committed', '2025-03-01', '2025-03-01', [costRow('2025-03-01', 'a')], '2025-03-01'))
process.stdout.write('COMMITTED\\n')
crashing = true
const rows = Array.from({ length: 5000 }, (_, i) => costRow('2025-03-0' + (1 + (i % 2)), 'k' + i))
await wh.load(costLoad('crashed', '2025-03-01', '2025-03-02', rows, '2025-03-02'))
process.stdout.write('UNREACHABLE\\n')
`

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duckdb-crash-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the child until it prints STAGED, then SIGKILLs it; resolves with everything it printed. */
function runAndKill(script: string, dbPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('STAGED')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(out)
        : reject(new Error(`child exited without being killed: ${err}`)),
    )
  })
}

it('a process killed between staging and commit leaves the last committed state intact', async () => {
  const script = join(dir, 'child.mts')
  const here = new URL('.', import.meta.url)
  writeFileSync(
    script,
    CHILD(
      new URL('index.ts', here).href,
      pathToFileURL(join(process.cwd(), 'test/contract/fixtures.ts')).href,
    ),
  )
  const dbPath = join(dir, 'w.duckdb')
  const printed = await runAndKill(script, dbPath)
  expect(printed).toContain('COMMITTED')
  expect(printed).not.toContain('UNREACHABLE')

  const wh = await createDuckdbWarehouse({ path: dbPath })
  try {
    expect(
      await wh.query('SELECT usage_date, line_key, _load_id FROM anthropic_cost_report'),
    ).toEqual([{ usage_date: '2025-03-01', line_key: 'a', _load_id: 'committed' }])
    expect(await wh.getCursor('anthropic', 'cost_report')).toBe('2025-03-01')
    expect(await wh.query('SELECT load_id FROM _ingest_loads')).toEqual([{ load_id: 'committed' }])
    // The file is healthy and writable again: the rerun of the crashed window succeeds.
    await wh.load(
      costLoad('rerun', '2025-03-02', '2025-03-02', [costRow('2025-03-02', 'b')], '2025-03-02'),
    )
    expect(await wh.getCursor('anthropic', 'cost_report')).toBe('2025-03-02')
  } finally {
    await wh.close()
  }
})
