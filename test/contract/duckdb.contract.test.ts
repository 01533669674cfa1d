// Runs the warehouse conformance suite against real DuckDB files in temp dirs.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import { runWarehouseContract } from './warehouse.contract.js'

const dirs: string[] = []

runWarehouseContract({
  name: 'duckdb',
  create: async ({ sqlDir, faults }) => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-usage-duckdb-contract-'))
    dirs.push(dir)
    return createDuckdbWarehouse({
      path: join(dir, 'warehouse.duckdb'),
      sqlDir,
      hooks: { beforeCommit: faults?.beforeCommit },
    })
  },
  cleanup: () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
    return Promise.resolve()
  },
})
