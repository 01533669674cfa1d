// `npm run bench:load`: DuckDB bulk-load throughput. Loads 200k rows of
// anthropic_cost_report (14 data columns + the 2 load stamps) in one replace_window load, then
// reloads the same window and merges it, printing rows/s. No timing assertion on purpose.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addDays } from '../src/core/days.js'
import { costLoad, costRow } from '../test/contract/fixtures.js'
import { createDuckdbWarehouse } from '../src/warehouse/duckdb/index.js'

const ROWS = 200_000
const DAYS = 100

const dir = mkdtempSync(join(tmpdir(), 'duckdb-bench-'))
const wh = await createDuckdbWarehouse({ path: join(dir, 'bench.duckdb') })
try {
  await wh.migrate()
  const last = addDays('2025-01-01', DAYS - 1)
  const rows = Array.from({ length: ROWS }, (_, i) =>
    costRow(addDays('2025-01-01', i % DAYS), `ws${i % 7}|line${i}`, {
      workspace_id: i % 3 === 0 ? null : `wrkspc_${i % 7}`,
      amount_cents: `${i}.12345`,
      amount_usd: `${Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}12345`,
      raw_json: JSON.stringify({ amount: `${i}.12345`, currency: 'USD' }),
    }),
  )
  const time = async (label: string, run: () => Promise<unknown>) => {
    const start = performance.now()
    await run()
    const s = (performance.now() - start) / 1000
    console.log(`${label}: ${ROWS} rows in ${s.toFixed(2)} s = ${Math.round(ROWS / s)} rows/s`)
  }
  await time('first load (replace_window, empty table)', () =>
    wh.load(costLoad('b1', '2025-01-01', last, rows)),
  )
  await time('reload (replace_window, deletes 200k first)', () =>
    wh.load(costLoad('b2', '2025-01-01', last, rows)),
  )
  const merge = { ...costLoad('b3', '2025-01-01', last, rows) }
  merge.tables = merge.tables.map((t) => ({ ...t, disposition: 'merge' as const }))
  await time('merge (all 200k keys match)', () => wh.load(merge))
  const [n] = await wh.query<{ n: number }>('SELECT COUNT(*) AS n FROM anthropic_cost_report')
  if (Number(n?.n) !== ROWS) throw new Error(`expected ${ROWS} rows, found ${String(n?.n)}`)
} finally {
  await wh.close()
  rmSync(dir, { recursive: true, force: true })
}
