import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../core/errors.js'
import { defaultSqlDir, planMigrations, checksumSql } from './migration-files.js'
import { runMigrations, type LedgerEntry, type MigrationDriver } from './migrator.js'
import type { Capabilities } from './warehouse.js'

/** An in-memory engine: records executed SQL, commits or drops a transaction's work. */
function fakeDriver(options: { transactional?: boolean; failOn?: string } = {}) {
  const ledger: LedgerEntry[] = []
  const executed: string[] = []
  const exec = (into: string[]) => async (sql: string) => {
    if (options.failOn && sql.includes(options.failOn)) throw new Error(`boom in ${options.failOn}`)
    into.push(sql)
    return Promise.resolve()
  }
  const capabilities: Capabilities = {
    dialect: 'duckdb',
    supportsTransactions: true,
    supportsTransactionalDdl: options.transactional ?? true,
    supportsMerge: false,
    maxRowsPerInsert: 1000,
  }
  const driver: MigrationDriver = {
    capabilities,
    execute: exec(executed),
    recordMigration: (e) => Promise.resolve(void ledger.push(e)),
    ensureLedger: () => Promise.resolve(),
    readLedger: () => Promise.resolve([...ledger]),
    transaction: async (fn) => {
      const pending: string[] = []
      const entries: LedgerEntry[] = []
      await fn({
        execute: exec(pending),
        recordMigration: (e) => Promise.resolve(void entries.push(e)),
      })
      executed.push(...pending) // only a transaction that finished commits its work
      ledger.push(...entries)
    },
  }
  return { driver, ledger, executed }
}

let root = ''
const write = (rel: string, text: string) => {
  const file = join(root, 'duckdb', rel)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, text)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'migrator-'))
  write('migrations/0001_first.sql', '-- first\nCREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n')
  write('migrations/0002_second.sql', "INSERT INTO a VALUES (1); -- ; in a comment\nSELECT ';';")
  write('views/10_a.sql', 'CREATE OR REPLACE VIEW va AS SELECT * FROM a;')
  write('views/50_b.sql', 'CREATE OR REPLACE VIEW vb AS SELECT * FROM va;')
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('runMigrations', () => {
  it('applies pending migrations in order, records them, then creates views in name order', async () => {
    const { driver, ledger, executed } = fakeDriver()
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.error).toBeUndefined()
    expect(executed).toEqual([
      'CREATE TABLE a (x INT)',
      'CREATE TABLE b (y INT)',
      'INSERT INTO a VALUES (1)',
      "SELECT ';'",
      'CREATE OR REPLACE VIEW va AS SELECT * FROM a',
      'CREATE OR REPLACE VIEW vb AS SELECT * FROM va',
    ])
    expect(ledger.map((e) => e.name)).toEqual(['0001_first.sql', '0002_second.sql'])
    expect(report.statements).toEqual(executed)
  })

  it('skips applied migrations on a re-run but recreates every view', async () => {
    const { driver, executed } = fakeDriver()
    await runMigrations(driver, { sqlDir: root })
    executed.length = 0
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.results.map((r) => r.status)).toEqual([
      'skipped',
      'skipped',
      'applied',
      'applied',
    ])
    expect(executed).toHaveLength(2)
  })

  it('reports drift for an edited applied migration and runs nothing', async () => {
    const { driver, executed } = fakeDriver()
    await runMigrations(driver, { sqlDir: root })
    write('migrations/0001_first.sql', '-- first\nCREATE TABLE a (x BIGINT);\n')
    write('migrations/0003_third.sql', 'CREATE TABLE c (z INT);')
    executed.length = 0
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.error).toBeInstanceOf(PipelineError)
    expect(report.error).toMatchObject({
      code: 'MIGRATION_DRIFT',
      context: { migration: '0001_first.sql' },
    })
    expect(report.error?.message).toMatch(/0001_first\.sql.*new migration/)
    expect(report.results.find((r) => r.name === '0001_first.sql')?.status).toBe('failed')
    expect(executed).toEqual([])
  })

  it('ignores CRLF line endings when comparing checksums', () => {
    expect(checksumSql('a;\r\nb;\r\n')).toBe(checksumSql('a;\nb;\n'))
  })

  it('reports a recorded migration whose file vanished', async () => {
    const { driver } = fakeDriver()
    await runMigrations(driver, { sqlDir: root })
    unlinkSync(join(root, 'duckdb/migrations/0002_second.sql'))
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.error).toMatchObject({
      code: 'MIGRATION_DRIFT',
      context: { migration: '0002_second.sql' },
    })
    expect(report.results).toContainEqual(
      expect.objectContaining({ name: '0002_second.sql', status: 'failed' }),
    )
  })

  it('reports a gap in the numbering and applies nothing', async () => {
    write('migrations/0004_fourth.sql', 'CREATE TABLE d (w INT);')
    const { driver, executed } = fakeDriver()
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.error).toMatchObject({
      code: 'MIGRATION_FAILED',
      context: { migration: '0004_fourth.sql' },
    })
    expect(executed).toEqual([])
  })

  it('stops at a failing migration: it rolls back, later files and views are skipped', async () => {
    const { driver, ledger, executed } = fakeDriver({ failOn: 'INSERT INTO a' })
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.results.map((r) => `${r.name}:${r.status}`)).toEqual([
      '0001_first.sql:applied',
      '0002_second.sql:failed',
      '10_a.sql:skipped',
      '50_b.sql:skipped',
    ])
    expect(report.error).toMatchObject({ code: 'MIGRATION_FAILED' })
    expect(report.error?.message).toContain('rolled back')
    expect(ledger.map((e) => e.name)).toEqual(['0001_first.sql'])
    expect(executed).not.toContain('INSERT INTO a VALUES (1)')
  })

  it('records after the statements when DDL is not transactional', async () => {
    const { driver, ledger } = fakeDriver({ transactional: false, failOn: 'INSERT INTO a' })
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.error?.message).toContain('partly applied')
    expect(ledger.map((e) => e.name)).toEqual(['0001_first.sql'])
  })

  it('dry-runs: lists the statements and executes and records nothing', async () => {
    const { driver, ledger, executed } = fakeDriver()
    const report = await runMigrations(driver, { sqlDir: root, dryRun: true })
    expect(report.statements).toHaveLength(6)
    expect(executed).toEqual([])
    expect(ledger).toEqual([])
  })

  it('refuses a view file that holds anything but CREATE OR REPLACE VIEW, and still runs the others', async () => {
    write('views/20_bad.sql', 'CREATE OR REPLACE VIEW vc AS SELECT 1; DROP TABLE a;')
    const { driver, executed } = fakeDriver()
    const report = await runMigrations(driver, { sqlDir: root })
    expect(report.results.find((r) => r.name === '20_bad.sql')?.status).toBe('failed')
    expect(report.results.find((r) => r.name === '50_b.sql')?.status).toBe('applied')
    expect(executed.some((s) => s.startsWith('DROP'))).toBe(false)
  })
})

describe('planMigrations', () => {
  it('flags a pending migration that sorts before an applied one', () => {
    const file = (name: string) => ({
      name,
      kind: 'migration' as const,
      checksum: name,
      statements: [],
    })
    const plan = planMigrations(
      [file('0001_a.sql'), file('0002_b.sql'), file('0003_c.sql')],
      [
        { name: '0001_a.sql', checksum: '0001_a.sql' },
        { name: '0003_c.sql', checksum: '0003_c.sql' },
      ],
    )
    expect(plan.problems.get('0002_b.sql')?.code).toBe('MIGRATION_FAILED')
  })
})

describe('defaultSqlDir', () => {
  it('finds the package sql/ folder from the module location', () => {
    expect(
      existsSync(join(defaultSqlDir(), 'duckdb', 'migrations', '0001_ingest_bookkeeping.sql')),
    ).toBe(true)
  })
})
