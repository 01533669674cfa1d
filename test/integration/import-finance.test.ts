// Claude Code team exports and invoices into real DuckDB: month-to-date figures replaced, never
// added; invoices merged on their keys, corrected files never leaving stale lines in the
// views; the reconciliation against what the Anthropic API reported for the same days.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/days.js'
import { PipelineError } from '../../src/core/errors.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { FIXTURES, createImportHarness, writeCsv, type ImportHarness } from './import-harness.js'

const tmp = createTmpDirs()
const SPEND = join(FIXTURES, 'claude-code-team-export-spend.csv')
const LINES = join(FIXTURES, 'claude-code-team-export-lines.csv')
const INVOICES = join(FIXTURES, 'invoices.csv')

let dir: string
let h: ImportHarness
beforeEach(async () => {
  dir = tmp.make('import-finance-')
  h = await createImportHarness(dir)
})
afterEach(async () => {
  await h.warehouse.close()
  tmp.cleanup()
})

async function failure(run: Promise<unknown>): Promise<PipelineError> {
  const error: unknown = await run.catch((e: unknown) => e)
  if (!(error instanceof PipelineError)) throw new Error('expected the import to fail')
  return error
}

const team = () =>
  h.warehouse.query(
    'SELECT month, email, spend_usd, lines FROM claude_code_team_monthly ORDER BY month, email',
  )

describe('import claude-code-team', () => {
  it('a later export of the same month replaces its figures; the same file twice changes nothing', async () => {
    await h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-10' })
    expect(await team()).toEqual([
      { month: '2026-10-01', email: 'lee@example.com', spend_usd: '0.000000000', lines: 0 },
      {
        month: '2026-10-01',
        email: 'mara.lind@example.com',
        spend_usd: '52.380000000',
        lines: 15344,
      },
      {
        month: '2026-10-01',
        email: 'sean.oneil@example.com',
        spend_usd: '1034.830000000',
        lines: 108316,
      },
    ])
    const again = await h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-10' })
    expect(again.status).toBe('unchanged')

    await h.importFile({ kind: 'claude-code-team', path: LINES, month: '2026-10' })
    expect(await team()).toEqual([
      { month: '2026-10-01', email: 'lee@example.com', spend_usd: null, lines: 912 },
      { month: '2026-10-01', email: 'mara.lind@example.com', spend_usd: null, lines: 27643 },
    ])
  })

  it('keeps other months, and the same file for another month is a new import', async () => {
    await h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-09' })
    const october = await h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-10' })
    expect(october.status).toBe('imported')
    await h.importFile({ kind: 'claude-code-team', path: LINES, month: '2026-10' })
    const rows = await team()
    expect(rows.filter((r) => r.month === '2026-09-01')).toHaveLength(3)
    expect(rows.filter((r) => r.month === '2026-10-01')).toHaveLength(2)
  })

  it('warns when an export turns figures back or drops people, and still replaces the month', async () => {
    const first = await h.importFile({ kind: 'claude-code-team', path: LINES, month: '2026-10' })
    expect(first.warnings).toEqual([])
    const older = await h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-10' })
    expect(older.warnings).toEqual([
      expect.stringContaining('2 people have lower month-to-date figures'),
    ])
    expect(older.tableRowsAfter).toBe(3)
    const back = await h.importFile({ kind: 'claude-code-team', path: LINES, month: '2026-10' })
    expect(back.warnings).toEqual([
      expect.stringContaining('Removed from 2026-10: 1 of the people'),
    ])
  })

  it('a mistyped spend cell stops the import naming the line; nothing of the file is loaded', async () => {
    await h.importFile({ kind: 'claude-code-team', path: LINES, month: '2026-10' })
    const text =
      'User,Spend this Month (USD),Lines this Month\na@example.com,$1.00,1\nb@example.com,"$1,03x.00",2\n'
    const path = writeCsv(dir, 'team.csv', text)
    const error = await failure(h.importFile({ kind: 'claude-code-team', path, month: '2026-10' }))
    expect(error.context).toMatchObject({
      file: 'team.csv',
      line: 3,
      field: 'spend_this_month_(usd)',
    })
    expect((await team()).map((r) => r.email)).toEqual(['lee@example.com', 'mara.lind@example.com'])
  })

  it('refuses a missing or malformed --month, and --month on other kinds, as usage errors', async () => {
    expect((await failure(h.importFile({ kind: 'claude-code-team', path: SPEND }))).code).toBe(
      'USAGE',
    )
    const bad = h.importFile({ kind: 'claude-code-team', path: SPEND, month: '2026-13' })
    expect((await failure(bad)).code).toBe('USAGE')
    const other = h.importFile({ kind: 'invoices', path: INVOICES, month: '2026-10' })
    expect((await failure(other)).code).toBe('USAGE')
  })
})

/** Anthropic's cost report says $33.00 for each day of October 2026 ($1,023.00 in all). */
async function loadAnthropicOctober(): Promise<void> {
  const rows = Array.from({ length: 31 }, (_, i) => ({
    usage_date: addDays('2026-10-01', i),
    line_key: '["tokens"]',
    description: 'Claude Opus',
    cost_type: 'tokens',
    currency: 'USD',
    amount_cents: '3300',
    amount_usd: '33.000000000',
    raw_json: '{}',
  }))
  const at = '2026-11-01T00:00:00.000Z'
  await h.warehouse.load({
    tables: [
      {
        table: 'anthropic_cost_report',
        disposition: 'merge',
        primaryKey: ['usage_date', 'line_key'],
        rows,
      },
    ],
    record: {
      ...{
        runId: 'run_test',
        loadId: 'load_test_0001',
        vendor: 'anthropic',
        resource: 'cost_report',
      },
      ...{
        pages: 1,
        rows: 31,
        retries: 0,
        durationMs: 0,
        status: 'succeeded',
        startedAt: at,
        finishedAt: at,
      },
    },
  })
}

describe('import invoices', () => {
  it('reconciles each invoice period with the API-reported spend of the same days', async () => {
    await loadAnthropicOctober()
    await h.importFile({ kind: 'invoices', path: INVOICES })
    const rows = await h.warehouse.query('SELECT * FROM invoice_reconciliation ORDER BY provider')
    expect(rows).toEqual([
      {
        ...{
          provider: 'anthropic',
          period_start: '2026-10-01',
          period_end: '2026-10-31',
          period_days: 31,
        },
        ...{ invoices: 1, invoiced_usd: '1034.830000000', vendor_reported_usd: '1023.000000000' },
        ...{ vendor_reported_days: 31, difference_usd: '11.830000000', difference_pct: 1.16 },
      },
      {
        ...{
          provider: 'cursor',
          period_start: '2026-10-15',
          period_end: '2026-11-14',
          period_days: 31,
        },
        ...{ invoices: 1, invoiced_usd: '2262.300000000', vendor_reported_usd: null },
        ...{ vendor_reported_days: 0, difference_usd: null, difference_pct: null },
      },
    ])
  })

  it('a corrected file updates the invoice and drops its stale line from the views', async () => {
    await h.importFile({ kind: 'invoices', path: INVOICES })
    const corrected = [
      'provider,invoice_id,period_start,period_end,line_item,amount,currency',
      'cursor,CUR-8842,2026-10-15,2026-11-14,seats,"1,600.00",USD',
      'cursor,CUR-8842,2026-10-15,2026-11-14,usage,702.30,USD',
    ].join('\n')
    const result = await h.importFile({
      kind: 'invoices',
      path: writeCsv(dir, 'fixed.csv', corrected),
    })
    expect(result).toMatchObject({ status: 'imported', tableRowsBefore: 2, tableRowsAfter: 2 })
    const lines = await h.warehouse.query(
      "SELECT line_item, amount_usd, basis FROM invoice_lines WHERE provider = 'cursor' ORDER BY line_item",
    )
    expect(lines).toEqual([
      { line_item: 'seats', amount_usd: '1600.000000000', basis: 'invoiced' },
      { line_item: 'usage', amount_usd: '702.300000000', basis: 'invoiced' },
    ])
    const [total] = await h.warehouse.query(
      "SELECT invoiced_usd FROM invoice_reconciliation WHERE provider = 'cursor'",
    )
    expect(total?.invoiced_usd).toBe('2302.300000000')
    expect(await h.count('invoice_lines')).toBe(3)
  })

  it('the same file twice changes nothing; a non-USD line loads nothing', async () => {
    await h.importFile({ kind: 'invoices', path: INVOICES })
    expect((await h.importFile({ kind: 'invoices', path: INVOICES })).status).toBe('unchanged')
    const eur =
      'provider,invoice_id,period,amount,currency\nopenai,O-1,2026-10,10.00,USD\nopenai,O-2,2026-10,5.00,EUR\n'
    const error = await failure(
      h.importFile({ kind: 'invoices', path: writeCsv(dir, 'eur.csv', eur) }),
    )
    expect(error.context).toMatchObject({ file: 'eur.csv', line: 3, field: 'currency' })
    expect(await h.count('import_invoices')).toBe(2)
  })
})
