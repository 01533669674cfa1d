// Reads `sql/<dialect>/migrations/NNNN_name.sql` and `sql/<dialect>/views/*.sql`, checksums
// them and compares them with the ledger (`_ingest_migrations`). Pure planning, no engine:
// the engine-neutral migrator runs the plan. Checksums are taken over the text with CRLF
// normalised to LF, so a Windows checkout of the same file is not reported as drift.

import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PipelineError } from '../core/errors.js'
import { splitSqlStatements } from './sql-split.js'
import type { WarehouseDialect } from './warehouse.js'

export interface SqlFile {
  name: string
  kind: 'migration' | 'view'
  checksum: string
  statements: string[]
}

export interface LedgerEntry {
  name: string
  checksum: string
  appliedAt?: string
}

export interface MigrationPlan {
  pending: SqlFile[]
  /** Problems by file name; any problem blocks the whole run. */
  problems: Map<string, PipelineError>
}

const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/

/** `<package root>/sql`, found from this module's location (works from src/ via tsx and dist/). */
export function defaultSqlDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('package root not found above the warehouse module')
    dir = parent
  }
  return join(dir, 'sql')
}

export function checksumSql(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex')
}

/** Migrations and views of one dialect, each list in name order. */
export async function readSqlFiles(dialect: WarehouseDialect, sqlDir = defaultSqlDir()) {
  const root = resolve(sqlDir, dialect)
  return {
    migrations: await readFolder(join(root, 'migrations'), 'migration', dialect),
    views: await readFolder(join(root, 'views'), 'view', dialect),
  }
}

async function readFolder(dir: string, kind: SqlFile['kind'], dialect: WarehouseDialect) {
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith('.sql')) : []
  names.sort()
  const files: SqlFile[] = []
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8')
    files.push({
      name,
      kind,
      checksum: checksumSql(text),
      statements: splitSqlStatements(text, dialect),
    })
  }
  return files
}

/** Compares files with the ledger: drift, vanished files, bad names, gaps and out-of-order. */
export function planMigrations(files: SqlFile[], ledger: LedgerEntry[]): MigrationPlan {
  const problems = new Map<string, PipelineError>()
  const applied = new Map(ledger.map((e) => [e.name, e]))
  checkNumbering(files, problems)
  for (const entry of ledger) {
    if (!files.some((f) => f.name === entry.name)) problems.set(entry.name, vanished(entry.name))
  }
  const lastApplied =
    ledger
      .map((e) => e.name)
      .sort()
      .at(-1) ?? ''
  const pending: SqlFile[] = []
  for (const file of files) {
    const entry = applied.get(file.name)
    if (entry && entry.checksum !== file.checksum) problems.set(file.name, drifted(file.name))
    else if (!entry && file.name < lastApplied)
      problems.set(file.name, outOfOrder(file.name, lastApplied))
    else if (!entry) pending.push(file)
  }
  return { pending, problems }
}

function checkNumbering(files: SqlFile[], problems: Map<string, PipelineError>): void {
  files.forEach((file, index) => {
    const number = MIGRATION_NAME.exec(file.name)?.[1]
    const expected = String(index + 1).padStart(4, '0')
    if (number === undefined) problems.set(file.name, badName(file.name))
    else if (number !== expected) problems.set(file.name, badNumber(file.name, expected))
  })
}

function drifted(name: string): PipelineError {
  return new PipelineError(
    'MIGRATION_DRIFT',
    `Migration ${name} was edited after it was applied (its sha256 differs from the recorded one). ` +
      'Applied migrations are immutable: revert the edit and put the change in a new migration file.',
    { context: { migration: name } },
  )
}

function vanished(name: string): PipelineError {
  return new PipelineError(
    'MIGRATION_DRIFT',
    `Migration ${name} is recorded as applied but its file is missing. ` +
      'Restore the file (migrations are forward-only; never delete an applied one).',
    { context: { migration: name } },
  )
}

function outOfOrder(name: string, lastApplied: string): PipelineError {
  return new PipelineError(
    'MIGRATION_FAILED',
    `Migration ${name} is pending but sorts before the applied ${lastApplied}. ` +
      'Renumber it after the last applied migration.',
    { context: { migration: name } },
  )
}

function badName(name: string): PipelineError {
  return new PipelineError(
    'MIGRATION_FAILED',
    `Migration file ${name} is not named NNNN_snake_case.sql. Rename it.`,
    { context: { migration: name } },
  )
}

function badNumber(name: string, expected: string): PipelineError {
  return new PipelineError(
    'MIGRATION_FAILED',
    `Migration ${name} breaks the numbering (expected ${expected}_…): numbers must run ` +
      '0001, 0002, … without gaps or duplicates. Renumber the file.',
    { context: { migration: name } },
  )
}
