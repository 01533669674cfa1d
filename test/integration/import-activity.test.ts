// claude.ai activity exports into real DuckDB: idempotent re-imports, overlapping exports that
// never double, a bad row that loads nothing, CRLF/BOM files, the 8,192-row warning, the view.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../../src/core/errors.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { FIXTURES, createImportHarness, writeCsv, type ImportHarness } from './import-harness.js'

const tmp = createTmpDirs()
const SAMPLE_PATH = join(FIXTURES, 'claude-ai-activity-export.csv')
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8')
const [HEADER = '', ...LINES] = SAMPLE.trimEnd().split('\n')
const KIND = 'claude-ai-activity'
const TABLE = 'import_claude_ai_events'

let dir: string
let h: ImportHarness
beforeEach(async () => {
  dir = tmp.make('import-activity-')
  h = await createImportHarness(dir)
})
afterEach(async () => {
  await h.warehouse.close()
  tmp.cleanup()
})

async function importError(path: string): Promise<PipelineError> {
  const error: unknown = await h.importFile({ kind: KIND, path }).catch((e: unknown) => e)
  if (!(error instanceof PipelineError)) throw new Error('expected the import to fail')
  return error
}

describe('import claude-ai-activity', () => {
  it('loads the sample with a load record, and a second import of it changes nothing', async () => {
    const first = await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    expect(first).toMatchObject({
      status: 'imported',
      rows: 11,
      tableRowsBefore: 0,
      tableRowsAfter: 11,
    })
    const loads = await h.warehouse.query(
      'SELECT vendor, resource, row_count, window_from, window_to FROM _ingest_loads',
    )
    expect(loads).toEqual([
      {
        vendor: 'import',
        resource: KIND,
        row_count: 11,
        window_from: '2026-10-15',
        window_to: '2026-10-17',
      },
    ])
    const snapshot = await h.warehouse.query(`SELECT * FROM ${TABLE} ORDER BY event_key`)

    const second = await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    expect(second).toMatchObject({ status: 'unchanged', rowsWritten: {}, tableRowsAfter: 11 })
    expect(await h.warehouse.query(`SELECT * FROM ${TABLE} ORDER BY event_key`)).toEqual(snapshot)
    expect(await h.count('_ingest_loads')).toBe(1)
  })

  it('keeps microseconds, UTC days and lower-cased emails in the warehouse', async () => {
    await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    const [row] = await h.warehouse.query(
      `SELECT CAST(created_at AS VARCHAR) AS at, activity_date, actor_email FROM ${TABLE}
       WHERE created_at_text = '2026-10-15T23:59:59.999999Z'`,
    )
    expect(row).toEqual({
      at: '2026-10-15 23:59:59.999999',
      activity_date: '2026-10-15',
      actor_email: 'lee@example.com',
    })
    const emails = await h.warehouse.query(
      `SELECT DISTINCT actor_email AS e FROM ${TABLE} ORDER BY 1 NULLS FIRST`,
    )
    expect(emails.map((r) => r.e)).toEqual([
      null,
      'juergen.weiss@example.com',
      'lee@example.com',
      'mara.lind@example.com',
      'priya.raman@example.com',
      'sean.oneil@example.com',
    ])
  })

  it('an export downloaded a day later that overlaps the first adds only the new events', async () => {
    await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    const newer = [
      '2026-10-18T09:00:00.000001Z,{},org_data_export_started,{},{},,,,',
      "2026-10-18T08:00:00.123456Z,\"{'name': 'Mara', 'type': 'account', 'uuid': '0b6f1c2e-3a41-4c59-9a7e-1d2f3a4b5c6d', 'metadata': {'email_address': 'MARA.LIND@example.com'}}\",user_signed_out,{},{},,,,web_claude_ai",
    ]
    const path = writeCsv(dir, 'later.csv', [HEADER, ...newer, ...LINES.slice(0, 8)].join('\n'))
    const result = await h.importFile({ kind: KIND, path })
    expect(result).toMatchObject({
      status: 'imported',
      rows: 10,
      tableRowsBefore: 11,
      tableRowsAfter: 13,
    })
    const [dups] = await h.warehouse.query(
      `SELECT count(*) - count(DISTINCT (created_at, event, actor_uuid, entity_uuid)) AS n FROM ${TABLE}`,
    )
    expect(dups?.n).toBe(0)
  })

  it('a broken dict on line 7 stops the import naming file, line and field, and loads nothing', async () => {
    const lines = [HEADER, ...LINES]
    lines[6] = lines[6]!.replace(',{},org_data', `,"{'name': 'x', 'type': 'account'",org_data`)
    const error = await importError(writeCsv(dir, 'broken.csv', lines.join('\n')))
    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.context).toMatchObject({ file: 'broken.csv', line: 7, field: 'actor_info' })
    expect(await h.count(TABLE)).toBe(0)
    expect(await h.count('_ingest_loads')).toBe(0)
    expect(await h.count('import_files')).toBe(0)
  })

  it('a file with a bad row leaves an earlier import exactly as it was', async () => {
    await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    const lines = [
      HEADER,
      ...LINES.slice(0, 3),
      '2026-13-01T00:00:00Z,{},x,{},{},,,,',
      ...LINES.slice(3),
    ]
    const error = await importError(writeCsv(dir, 'bad-date.csv', lines.join('\n')))
    expect(error.context).toMatchObject({ line: 5, field: 'created_at' })
    expect(await h.count(TABLE)).toBe(11)
  })

  it('reads a CRLF file with a byte-order mark as the same events', async () => {
    const path = writeCsv(dir, 'windows.csv', `\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`)
    expect(await h.importFile({ kind: KIND, path })).toMatchObject({ status: 'imported', rows: 11 })
    expect(await h.importFile({ kind: KIND, path: SAMPLE_PATH })).toMatchObject({
      tableRowsAfter: 11,
    })
  })

  it('warns when a file has exactly 8,192 rows, and still loads them', async () => {
    const rows = Array.from({ length: 8192 }, (_, i) => {
      const second = String(i % 60).padStart(2, '0')
      const minute = String(Math.floor(i / 60) % 60).padStart(2, '0')
      const hour = String(Math.floor(i / 3600)).padStart(2, '0')
      return `2026-10-01T${hour}:${minute}:${second}.000000Z,{},conversation_created,{},{},,,,web_claude_ai`
    })
    const path = writeCsv(dir, 'capped.csv', [HEADER, ...rows].join('\n'))
    const result = await h.importFile({ kind: KIND, path })
    expect(result.warnings.join(' ')).toContain('8192')
    expect(result.tableRowsAfter).toBe(8192)
    const [record] = await h.warehouse.query<{ warnings: string }>(
      'SELECT CAST(warnings AS VARCHAR) AS warnings FROM import_files',
    )
    expect(JSON.parse(record!.warnings)).toEqual(result.warnings)
  })

  it('claude_ai_activity_daily counts events per day, person, platform and event', async () => {
    await h.importFile({ kind: KIND, path: SAMPLE_PATH })
    const rows = await h.warehouse.query(
      `SELECT usage_date, email, client_platform, event, events, conversations_created
       FROM claude_ai_activity_daily WHERE usage_date = '2026-10-17' ORDER BY email NULLS FIRST, event`,
    )
    expect(
      rows.map((r) => [r.email, r.client_platform, r.event, r.events, r.conversations_created]),
    ).toEqual([
      [null, null, 'org_data_export_started', 1, 0],
      ['juergen.weiss@example.com', 'ios', 'file_uploaded', 1, 0],
      ['mara.lind@example.com', 'desktop_app', 'conversation_created', 1, 1],
      ['mara.lind@example.com', 'desktop_app', 'project_created', 1, 0],
      ['sean.oneil@example.com', 'web_claude_ai', 'conversation_created', 1, 1],
      ['sean.oneil@example.com', 'web_claude_ai', 'project_document_created', 1, 0],
    ])
  })
})
