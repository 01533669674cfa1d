// Shared by the import integration tests: a real DuckDB warehouse in a temp dir, migrated from
// a copy of sql/duckdb. The migrator refuses gaps in migration numbers, and other migrations
// are written in parallel with 0006_imports: any missing number is filled with an empty
// placeholder in the copy (never in sql/), so these tests run whatever has landed.

import { cpSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { silentLogger } from '../../src/core/logger.js'
import { runImport, type ImportRequest, type ImportResult } from '../../src/imports/run.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export const FIXTURES = resolve(import.meta.dirname, '../../src/imports/__fixtures__')
const SQL = resolve(import.meta.dirname, '../../sql')

/** A copy of sql/duckdb under `dir` with migration-number gaps filled; returns the sql root. */
export function prepareSqlDir(dir: string): string {
  const root = join(dir, 'sql')
  cpSync(join(SQL, 'duckdb'), join(root, 'duckdb'), { recursive: true })
  const migrations = join(root, 'duckdb', 'migrations')
  const numbers = new Set(readdirSync(migrations).map((n) => Number(n.slice(0, 4))))
  const highest = Math.max(...numbers)
  for (let n = 1; n < highest; n++) {
    if (numbers.has(n)) continue
    const name = `${String(n).padStart(4, '0')}_placeholder.sql`
    writeFileSync(join(migrations, name), '-- placeholder for a migration not written yet\n')
  }
  return root
}

export interface ImportHarness {
  warehouse: Warehouse
  clock: FakeClock
  /** Runs an import, then moves the clock on so the next import is strictly later. */
  importFile(request: ImportRequest): Promise<ImportResult>
  count(table: string): Promise<number>
}

export async function createImportHarness(dir: string): Promise<ImportHarness> {
  const clock = createFakeClock('2026-11-01T08:00:00Z')
  const warehouse = await createDuckdbWarehouse({
    path: join(dir, 'warehouse.duckdb'),
    sqlDir: prepareSqlDir(dir),
    clock,
  })
  const report = await warehouse.migrate()
  if (report.error) throw report.error
  return {
    warehouse,
    clock,
    importFile: async (request) => {
      const result = await runImport({ warehouse, clock, logger: silentLogger }, request)
      clock.advance(60_000)
      return result
    },
    count: async (table) => {
      const [row] = await warehouse.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)
      return Number(row?.n)
    },
  }
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeCsv(dir: string, name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
