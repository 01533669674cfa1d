// `ai-usage migrate` on BigQuery through the real client and the double: the dry run prints
// every statement it would run as valid BigQuery SQL (parsed here) with partitioning,
// clustering and expiration, and creates nothing; a real migrate creates the dataset in its
// location and tables as declared; retention follows config on every migrate with no new
// migration file (checksums are taken over the files as written, placeholders unfilled).

import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../../src/app/context.js'
import { migrateCommand } from '../../src/cli/commands/migrate.js'
import type { Output } from '../../src/cli/output.js'
import { checkBigQuerySql } from '../../src/warehouse/bigquery/sql-check.js'
import { defaultSqlDir, readSqlFiles } from '../../src/warehouse/migration-files.js'
import { splitSqlStatements } from '../../src/warehouse/sql-split.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  createBigQueryHarness,
  DATASET,
  PROJECT,
  type BigQueryHarness,
} from './bigquery-harness.js'

const DAY_MS = 86_400_000
const tmp = createTmpDirs()
let h: BigQueryHarness

beforeEach(async () => {
  h = await createBigQueryHarness({ location: 'EU', retentionDays: 400 })
})
afterEach(async () => {
  await h.close()
  tmp.cleanup()
})

function capture(): Output & { stdout: string[] } {
  const stdout: string[] = []
  return { json: false, isTty: false, stdout, out: (t) => stdout.push(t), err: () => undefined }
}

async function table(name: string) {
  const tables = await h.double.tables()
  return tables.find((t) => t.tableReference.tableId === name)
}

describe('ai-usage migrate --dry-run on BigQuery', () => {
  it('prints every statement as valid BigQuery SQL and changes nothing', async () => {
    const output = capture()
    const ctx = { openWarehouse: () => Promise.resolve(h.warehouse) } as unknown as AppContext
    expect(await migrateCommand(ctx, output, { dryRun: true })).toBe(0)
    const statements = splitSqlStatements(output.stdout.join('\n'), 'bigquery')
    const files = await readSqlFiles('bigquery')
    const fromFiles = [...files.migrations, ...files.views].flatMap((f) => f.statements).length
    expect(statements).toHaveLength(fromFiles + 2) // + dataset and ledger
    for (const sql of statements)
      expect(checkBigQuerySql(sql, {}), sql.slice(0, 80)).toEqual({ ok: true })
    const text = statements.join('\n')
    expect(text).not.toContain('{{')
    expect(statements[0]).toBe(
      `CREATE SCHEMA IF NOT EXISTS \`${PROJECT}.${DATASET}\` OPTIONS (location = 'EU')`,
    )
    const cost = statements.find((s) =>
      s.includes(`\`${PROJECT}.${DATASET}.anthropic_cost_report\` (`),
    )
    expect(cost).toMatch(/PARTITION BY usage_date\s+CLUSTER BY workspace_id, model/)
    expect(cost).toMatch(/partition_expiration_days = 400,\s+require_partition_filter = FALSE/)
    expect(statements.filter((s) => /^CREATE OR REPLACE VIEW/.test(s)).length).toBe(
      files.views.length,
    )
    expect(await h.double.tables()).toEqual([])
    expect(h.double.tableModifications()).toEqual([])
  })
})

describe('migrate on BigQuery', () => {
  it('creates the dataset in its location and tables partitioned, clustered and expiring', async () => {
    const report = await h.warehouse.migrate()
    expect(report.error).toBeUndefined()
    const datasets = h.double.requests.filter((r) => r.api === 'jobs.query')
    expect(JSON.stringify(datasets[0]?.body)).toContain("location = 'EU'")
    expect(await table('anthropic_cost_report')).toMatchObject({
      timePartitioning: { type: 'DAY', field: 'usage_date', expirationMs: String(400 * DAY_MS) },
      clustering: { fields: ['workspace_id', 'model'] },
      requirePartitionFilter: false,
      location: 'EU',
    })
    const loads = await table('_ingest_loads')
    expect(loads?.timePartitioning).toEqual({ type: 'DAY', field: 'started_at' })
    expect((await table('anthropic_users'))?.timePartitioning).toBeUndefined()
    const ledger = await h.warehouse.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM _ingest_migrations ORDER BY name',
    )
    const files = await readSqlFiles('bigquery')
    expect(ledger).toEqual(files.migrations.map((f) => ({ name: f.name, checksum: f.checksum })))
  })

  it('re-applies the configured retention on every migrate, with no new migration', async () => {
    expect((await h.warehouse.migrate()).error).toBeUndefined()
    const shorter = await h.open({ retentionDays: 30 })
    const report = await shorter.migrate()
    expect(report.error).toBeUndefined()
    const alters = report.statements.filter((s) => s.startsWith('ALTER TABLE'))
    expect(alters.length).toBeGreaterThanOrEqual(15)
    for (const sql of alters) {
      expect(sql).toMatch(/SET OPTIONS \(partition_expiration_days = 30\)$/)
      expect(checkBigQuerySql(sql, {})).toEqual({ ok: true })
    }
    expect((await table('anthropic_cost_report'))?.timePartitioning?.expirationMs).toBe(
      String(30 * DAY_MS),
    )
    // Audit tables never expire: they do not opt in.
    expect(alters.some((s) => s.includes('_ingest_'))).toBe(false)
    expect((await table('_ingest_runs'))?.timePartitioning?.expirationMs).toBeUndefined()
    // Unchanged config: nothing to re-apply. Unset: keep forever (NULL clears it).
    const again = await shorter.migrate()
    expect(again.statements.some((s) => s.startsWith('ALTER TABLE'))).toBe(false)
    const forever = await (await h.open({ retentionDays: undefined })).migrate()
    expect(forever.statements.filter((s) => s.startsWith('ALTER TABLE'))).toHaveLength(
      alters.length,
    )
    expect((await table('anthropic_cost_report'))?.timePartitioning?.expirationMs).toBeUndefined()
  })

  it('refuses a statement that is not BigQuery SQL before sending it', async () => {
    const sqlDir = tmp.make('ai-usage-bq-bad-')
    cpSync(defaultSqlDir(), sqlDir, { recursive: true })
    const bad = 'CREATE OR REPLACE VIEW `{{dataset}}.zz_bad` AS SELECT a FROM t WHERE;\n'
    writeFileSync(join(sqlDir, 'bigquery', 'views', '99_zz_bad.sql'), bad)
    const report = await (await h.open({ sqlDir })).migrate()
    expect(report.results.find((r) => r.name === '99_zz_bad.sql')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('not valid BigQuery SQL') as unknown,
    })
    expect(JSON.stringify(h.double.requests.map((r) => r.body))).not.toContain('zz_bad')
  })
})
