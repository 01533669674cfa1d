// Same views, same answers. Every DuckDB view has a BigQuery twin of the same file name that
// creates the same view; and on the same data both engines answer every view identically
// (columns, order of columns, rows). The data: the real pipeline over all four vendor
// simulators plus every import kind and budgets, into DuckDB; then each base table is copied
// as it is into the BigQuery double with batch load jobs, and every view is read from both.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BigQuery } from '@google-cloud/bigquery'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { createCapturingLogger } from '../../src/core/logger.js'
import type { Cell } from '../../src/core/records.js'
import { runImport } from '../../src/imports/run.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { startSimulators, type RunningSimulator } from '../../src/simulators/index.js'
import { createSources } from '../../src/sources/registry.js'
import { cellWriter } from '../../src/warehouse/bigquery/cells.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock } from '../helpers/clock.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createBigQueryHarness, DATASET, type BigQueryHarness } from './bigquery-harness.js'

const SQL = resolve(import.meta.dirname, '../../sql')
const FIXTURES = resolve(import.meta.dirname, '../../src/imports/__fixtures__')
const VIEW_FILES = (dialect: string) =>
  readdirSync(join(SQL, dialect, 'views'))
    .filter((f) => f.endsWith('.sql'))
    .sort()

function viewNames(dialect: string, file: string): string[] {
  const text = readFileSync(join(SQL, dialect, 'views', file), 'utf8')
  const names = [...text.matchAll(/CREATE\s+OR\s+REPLACE\s+VIEW\s+`?([\w{}.]+?)`?\s+AS/gi)]
  return names.map((m) => m[1]!.replace(/^\{\{\s*dataset\s*\}\}\./, ''))
}

/** The twin names the DuckDB file version it was ported from: `(duckdb-sha256: <12 hex>)`. */
function portedFrom(file: string): string | undefined {
  const text = readFileSync(join(SQL, 'bigquery', 'views', file), 'utf8')
  return /duckdb-sha256: ([0-9a-f]{12})/.exec(text)?.[1]
}

function duckdbSha(file: string): string {
  const text = readFileSync(join(SQL, 'duckdb', 'views', file), 'utf8').replace(/\r\n/g, '\n')
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

describe('every DuckDB view has a BigQuery twin', () => {
  it.each(VIEW_FILES('duckdb'))('%s', (file) => {
    expect(VIEW_FILES('bigquery'), `sql/bigquery/views/${file} is missing`).toContain(file)
    expect(viewNames('bigquery', file)).toEqual(viewNames('duckdb', file))
    const stale =
      `sql/duckdb/views/${file} changed since its BigQuery twin was ported: port the change ` +
      `and set the twin's header to (duckdb-sha256: ${duckdbSha(file)})`
    expect(portedFrom(file), stale).toBe(duckdbSha(file))
  })

  it('and no BigQuery view lacks a DuckDB original', () => {
    expect(VIEW_FILES('bigquery')).toEqual(VIEW_FILES('duckdb'))
  })
})

const tmp = createTmpDirs()
let duck: Warehouse
let h: BigQueryHarness
let sims: RunningSimulator[] = []

describe('both engines answer every view the same on the same data', () => {
  beforeAll(async () => {
    const clock = createFakeClock('2026-11-05T08:00:00Z')
    const logger = createCapturingLogger()
    sims = await startSimulators({ now: () => clock.now() })
    duck = await createDuckdbWarehouse({ path: join(tmp.make(), 'views.duckdb'), clock, logger })
    const migrated = await duck.migrate()
    if (migrated.error) throw migrated.error
    await importEveryKind(duck, clock, logger)
    const env = Object.assign({}, ...sims.map((s) => s.env)) as Record<string, string>
    const sources = createSources(loadConfig({ env, file: undefined }), { clock, logger })
    const budgets = [
      { scope: 'total' as const, period: 'month' as const, amountUsd: '50000' },
      { scope: 'team' as const, name: 'platform', period: 'quarter' as const, amountUsd: '900' },
    ]
    await runPipeline(
      { sources, warehouse: duck, logger, clock, derive: { budgets } },
      { from: '2026-10-12', to: '2026-11-04', trigger: 'test' },
    )
    h = await createBigQueryHarness({ now: '2026-11-05T08:00:00Z' })
    const bqMigrated = await h.warehouse.migrate()
    if (bqMigrated.error) throw bqMigrated.error
    await copyTables(duck, new BigQuery(h.double.clientOptions({ autoRetry: false })))
  }, 180_000)

  afterAll(async () => {
    await duck?.close()
    await h?.close()
    await Promise.all(sims.map((s) => s.close()))
    tmp.cleanup()
  })

  const views = VIEW_FILES('duckdb').flatMap((f) => viewNames('duckdb', f))

  it.each(views)('%s', async (view) => {
    const [expected, actual] = await Promise.all([
      readView(duck, view),
      readView(h.warehouse, view),
    ])
    expect(actual.columns).toEqual(expected.columns)
    expect(actual.rows).toEqual(expected.rows)
  })

  it('compares views that hold data (the seed reaches every vendor, import and derived view)', async () => {
    const empty: string[] = []
    for (const view of views) if ((await readView(duck, view)).rows.length === 0) empty.push(view)
    expect(empty).toEqual([])
  })
})

async function importEveryKind(
  warehouse: Warehouse,
  clock: ReturnType<typeof createFakeClock>,
  logger: ReturnType<typeof createCapturingLogger>,
) {
  const deps = { warehouse, clock, logger }
  const file = (name: string) => join(FIXTURES, name)
  await runImport(deps, { kind: 'identity-map', path: file('identity-map.csv') })
  await runImport(deps, { kind: 'claude-ai-activity', path: file('claude-ai-activity-export.csv') })
  await runImport(deps, {
    kind: 'claude-code-team',
    path: file('claude-code-team-export-spend.csv'),
    month: '2026-10',
  })
  await runImport(deps, { kind: 'invoices', path: file('invoices.csv') })
}

/** Every base table of DuckDB, row for row, into the double with one load job each. */
async function copyTables(from: Warehouse, bq: BigQuery): Promise<void> {
  const tables = await from.query<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' " +
      "AND table_name <> '_ingest_migrations' ORDER BY table_name",
  )
  const dir = tmp.make('ai-usage-bq-copy-')
  for (const { name } of tables) {
    const rows = await from.query<Record<string, Cell>>(`SELECT * FROM "${name}"`)
    if (rows.length === 0) continue
    const table = bq.dataset(DATASET).table(name)
    const [metadata] = await table.getMetadata()
    const fields = (metadata as { schema: { fields: { name: string; type: string }[] } }).schema
      .fields
    const writers = fields.map((f) => ({ name: f.name, write: cellWriter(f, name) }))
    const lines = rows.map((row) => {
      const parts = writers.flatMap(({ name: column, write }) => {
        const cell = row[column] ?? null
        return cell === null ? [] : [`${JSON.stringify(column)}:${write(cell)}`]
      })
      return `{${parts.join(',')}}`
    })
    const path = join(dir, `${name}.ndjson`)
    writeFileSync(path, lines.join('\n') + '\n')
    await table.load(path, { sourceFormat: 'NEWLINE_DELIMITED_JSON' })
  }
}

/** Columns in order and rows sorted canonically (view row order is unspecified). */
async function readView(warehouse: Warehouse, view: string) {
  const rows = await warehouse.query(`SELECT * FROM ${view}`)
  const columns = Object.keys(rows[0] ?? {})
  const canonical = rows.map((r) => JSON.stringify(Object.values(r))).sort()
  return { columns: rows.length > 0 ? columns : [], rows: canonical }
}
