import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PipelineError } from '../core/errors.js'
import type { Row } from '../core/records.js'
import { EXPORT_ROW_CAP, claudeAiActivityKind } from './claude-ai-activity.js'
import { importFileFromText } from './file.js'

const SAMPLE = readFileSync(
  join(import.meta.dirname, '__fixtures__/claude-ai-activity-export.csv'),
  'utf8',
)
const HEADER = SAMPLE.split('\n')[0]!

function parse(text: string, name = 'activity.csv') {
  return claudeAiActivityKind.parse(importFileFromText(name, text), {})
}

function rowsOf(text: string): Row[] {
  return parse(text).tables[0]!.rows as Row[]
}

function errorOf(text: string): PipelineError {
  try {
    parse(text, 'broken.csv')
  } catch (error) {
    if (error instanceof PipelineError) return error
    throw error
  }
  throw new Error('expected the import to be refused')
}

describe('claude.ai activity export', () => {
  it('reads every sample event with person, platform, entity and project', () => {
    const rows = rowsOf(SAMPLE)
    expect(rows).toHaveLength(11)
    const sean = rows[1]!
    expect(sean).toMatchObject({
      activity_date: '2026-10-17',
      created_at: '2026-10-17T17:06:59.995066Z',
      event: 'conversation_created',
      actor_email: 'sean.oneil@example.com',
      actor_name: "Sean O'Neil",
      entity_type: 'chat_conversation',
      project_uuid: '018f0ef1-8200-75aa-959d-b4764b16c3e5',
      client_platform: 'web_claude_ai',
      source_line: 3,
    })
    expect(rows[3]).toMatchObject({
      actor_name: 'Jürgen Weiß',
      device_id: null,
      client_platform: 'ios',
    })
  })

  it('keeps system events with no person and empty cells as NULL', () => {
    const system = rowsOf(SAMPLE).find((r) => r.event === 'org_data_export_started')!
    expect(system).toMatchObject({
      actor_email: null,
      actor_uuid: null,
      entity_type: null,
      client_platform: null,
      ip_address: null,
      actor_info_json: '{}',
    })
  })

  it('stores the Python-literal cells as JSON, an empty entity as {}', () => {
    const rows = rowsOf(SAMPLE)
    const grant = rows.find((r) => r.event === 'role_assignment_granted')!
    expect(JSON.parse(grant.event_info_json as string)).toEqual({
      role: 'admin',
      granted_to: {
        uuid: '7c2d9e10-55aa-4b1c-8d2e-3f405162738a',
        email_address: 'Sean.ONeil@Example.com',
      },
      previous_role: null,
      is_primary: false,
    })
    const limit = rows.find((r) => r.event === 'extra_usage_spend_limit_updated')!
    expect(JSON.parse(limit.event_info_json as string)).toMatchObject({
      note: 'raised for Q4, see "budget" doc',
    })
    const integration = rows.find((r) => r.event === 'integration_user_connected')!
    expect(integration.entity_info_json).toBe('{}')
    expect(JSON.parse(integration.raw_json as string)).toMatchObject({
      entity_info: '',
      client_platform: 'claude_in_slack',
    })
  })

  it('gives identical events distinct keys and the same keys for the same events in another file', () => {
    const line = SAMPLE.split('\n')[1]!
    const keys = rowsOf(`${HEADER}\n${line}\n${line}\n`).map((r) => r.event_key)
    expect(new Set(keys).size).toBe(2)
    const crlf = `\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`
    expect(rowsOf(crlf).map((r) => r.event_key)).toEqual(rowsOf(SAMPLE).map((r) => r.event_key))
  })

  it('stops on a broken dict, naming file, line and field', () => {
    const lines = SAMPLE.split('\n')
    lines[6] = lines[6]!.replace(',{},org_data', `,"{'name': 'Mara', 'type': account}",org_data`)
    const error = errorOf(lines.join('\n'))
    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.context).toMatchObject({ file: 'broken.csv', line: 7, field: 'actor_info' })
    expect(error.context.offset).toBe(25)
    expect(error.message).not.toContain('Mara')
  })

  it('counts a multi-line quoted field when naming the line of a later error', () => {
    const multi = '2026-10-17T13:00:00.000000Z,{},note_added,{},{},,,"agent\nsecond line",web'
    const bad = '2026-10-17T13:00:00Z-oops,{},x,{},{},,,,'
    expect(errorOf(`${HEADER}\n${multi}\n${bad}\n`).context).toMatchObject({
      line: 4,
      field: 'created_at',
    })
  })

  it('refuses an invalid actor email and an empty event', () => {
    const badEmail = SAMPLE.replace('mara.lind@example.com', 'mara.lind-at-example.com')
    expect(errorOf(badEmail).context).toMatchObject({ line: 2, field: 'actor_info' })
    expect(errorOf(`${HEADER}\n2026-10-17T13:00:00Z,{},,{},{},,,,\n`).context).toMatchObject({
      field: 'event',
    })
  })

  it('warns when the file has exactly the export cap of rows, not one fewer', () => {
    const line = '2026-10-17T13:00:00.000000Z,{},org_data_export_started,{},{},,,,'
    const file = (n: number) => `${HEADER}\n${Array.from({ length: n }, () => line).join('\n')}\n`
    expect(parse(file(EXPORT_ROW_CAP)).warnings.join(' ')).toContain('exactly 8192 data rows')
    expect(parse(file(EXPORT_ROW_CAP - 1)).warnings).toEqual([])
  })

  it('imports a file with an extra column, warning that it is kept only in raw_json', () => {
    const lines = SAMPLE.trimEnd()
      .split('\n')
      .map((l, i) => `${l},${i === 0 ? 'org_id' : 'org-1'}`)
    const parsed = parse(lines.join('\n'))
    expect(parsed.rows).toBe(11)
    expect(parsed.warnings).toEqual(['Columns not imported (kept in raw_json only): org_id.'])
  })

  it('names a missing column on the header line', () => {
    const text = SAMPLE.replace('client_platform', 'platform')
    expect(errorOf(text).context).toMatchObject({ line: 1, field: 'client_platform' })
  })
})
