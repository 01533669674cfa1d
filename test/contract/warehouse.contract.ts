// The conformance suite every warehouse engine must pass (Kysely-style: one suite, many
// engines). An engine's test file calls runWarehouseContract with a `create` that opens a fresh,
// empty warehouse reading SQL from the given `sqlDir` (a per-test copy of the package's sql/,
// so the drift test can edit an applied migration) and wiring `faults.beforeCommit` into its
// load just before commit. Narrow with AI_USAGE_WAREHOUSES=duckdb,bigquery (names, comma-separated).

import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe } from 'vitest'
import { defaultSqlDir } from '../../src/warehouse/migration-files.js'
import type { LoadRequest, Warehouse } from '../../src/warehouse/warehouse.js'
import { defineLoadCases } from './load.cases.js'
import { defineSchemaCases } from './schema.cases.js'
import { defineQueryCases } from './query.cases.js'

export interface ContractFaults {
  /** Called inside the load's unit of work after staging, right before commit; throw to crash. */
  beforeCommit?: (request: LoadRequest) => void | Promise<void>
}

export interface ContractCreateOptions {
  /** Root with `<dialect>/migrations` and `<dialect>/views`. */
  sqlDir: string
  faults?: ContractFaults
}

export interface WarehouseContractOptions {
  name: string
  /** A fresh, empty warehouse (not migrated) for each call. */
  create: (options: ContractCreateOptions) => Promise<Warehouse>
  /** Runs after each test, after the suite closed the warehouses it opened. */
  cleanup?: () => Promise<void>
}

/** What each group of cases gets: open a warehouse (migrated unless told not to). */
export interface ContractHarness {
  open(options?: { faults?: ContractFaults; migrate?: boolean }): Promise<Warehouse>
  /** The per-test copy of the SQL root the warehouses read. */
  sqlDir(): string
}

export function runWarehouseContract(options: WarehouseContractOptions): void {
  const only = process.env.AI_USAGE_WAREHOUSES?.split(',').map((s) => s.trim())
  const describeEngine = only && !only.includes(options.name) ? describe.skip : describe
  describeEngine(`warehouse contract: ${options.name}`, () => {
    let sqlDir = ''
    const opened: Warehouse[] = []

    beforeEach(() => {
      sqlDir = mkdtempSync(join(tmpdir(), 'ai-usage-contract-sql-'))
      cpSync(defaultSqlDir(), sqlDir, { recursive: true })
    })

    afterEach(async () => {
      for (const warehouse of opened.splice(0)) await warehouse.close()
      rmSync(sqlDir, { recursive: true, force: true })
      await options.cleanup?.()
    })

    const harness: ContractHarness = {
      sqlDir: () => sqlDir,
      open: async ({ faults, migrate = true } = {}) => {
        const warehouse = await options.create({ sqlDir, faults })
        opened.push(warehouse)
        if (migrate) {
          const report = await warehouse.migrate()
          if (report.error) throw report.error
        }
        return warehouse
      },
    }

    defineSchemaCases(harness)
    defineLoadCases(harness)
    defineQueryCases(harness)
  })
}
