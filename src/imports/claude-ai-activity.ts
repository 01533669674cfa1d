// claude.ai organization activity export → one row per event in import_claude_ai_events.
// The export has no event id, so a row's key is a hash of what identifies an event (its
// microsecond time, event type, actor uuid, entity type and uuid) plus its occurrence number
// among identical rows in the file: re-downloading an overlapping export merges onto the same
// keys and never doubles a row, while names/emails (which can change) are updated, not keyed.

import { createHash } from 'node:crypto'
import type { Row } from '../core/records.js'
import { locateImportError, importError } from './errors.js'
import type { ImportFile } from './file.js'
import type { ImportKind, ParsedImport } from './kind.js'
import {
  asDict,
  dictString,
  parsePythonLiteral,
  toJsonText,
  type PyDict,
} from './python-literal.js'
import { readCsvTable, sourceCells, type DataRow } from './table.js'
import { blankToNull, normalizeEmail, parseUtcTimestamp } from './values.js'

/** Real exports were seen cut at exactly 2^13 rows: a file that size is probably incomplete. */
export const EXPORT_ROW_CAP = 8192

const COLUMNS = [
  'created_at',
  'actor_info',
  'event',
  'event_info',
  'entity_info',
  'ip_address',
  'device_id',
  'user_agent',
  'client_platform',
] as const

export const claudeAiActivityKind: ImportKind = {
  name: 'claude-ai-activity',
  title: 'claude.ai activity export',
  mainTable: 'import_claude_ai_events',
  columns: COLUMNS.join(', '),
  example:
    "2026-10-17T17:16:15.418430Z,\"{'name': 'Mara', 'type': 'account', 'uuid': '0b6f…', " +
    "'metadata': {'email_address': 'mara@example.com'}}\",conversation_created,{},\"{'type': " +
    "'chat_conversation', 'uuid': '5a1e…'}\",203.0.113.24,9e8d…,Mozilla/5.0 …,desktop_app",
  takesMonth: false,
  parse: parseActivity,
}

function parseActivity(file: ImportFile): ParsedImport {
  const table = readCsvTable(file, { required: COLUMNS, strict: false })
  const occurrences = new Map<string, number>()
  const rows = table.rows.map((row) => toEventRow(file, row, occurrences))
  const days = rows.map((r) => r.activity_date as string).sort()
  const warnings = extraColumnWarnings(table.columns)
  if (rows.length === EXPORT_ROW_CAP) {
    warnings.push(
      `${file.name} has exactly ${EXPORT_ROW_CAP} data rows, the size at which claude.ai exports were ` +
        'seen cut off: events may be missing. Export shorter date ranges and import each.',
    )
  }
  return {
    tables: [
      {
        table: 'import_claude_ai_events',
        disposition: 'merge',
        primaryKey: ['activity_date', 'event_key'],
        rows,
      },
    ],
    rows: rows.length,
    window: days.length ? { from: days[0]!, to: days.at(-1)! } : undefined,
    warnings,
  }
}

function extraColumnWarnings(columns: string[]): string[] {
  const extra = columns.filter((c) => !(COLUMNS as readonly string[]).includes(c))
  return extra.length ? [`Columns not imported (kept in raw_json only): ${extra.join(', ')}.`] : []
}

function toEventRow(file: ImportFile, row: DataRow, occurrences: Map<string, number>): Row {
  const createdAt = parseUtcTimestamp(row.get('created_at'))
  if (!createdAt) {
    throw importError(
      row.where('created_at'),
      'Expected a UTC timestamp such as 2026-10-17T17:16:15.418430Z.',
    )
  }
  const event = row.get('event').trim()
  if (!event) throw importError(row.where('event'), 'The event type is empty.')
  const actorInfo = dictCell(row, 'actor_info')
  const entityInfo = dictCell(row, 'entity_info')
  const eventInfo = literalCell(row, 'event_info')
  const actor = actorFields(row, actorInfo)
  const entity = entityFields(entityInfo)
  const identity = [createdAt, event, actor.actor_uuid, entity.entity_type, entity.entity_uuid]
  return {
    activity_date: createdAt.slice(0, 10),
    event_key: eventKey(identity, occurrences),
    created_at: createdAt,
    created_at_text: row.get('created_at'),
    event,
    ...actor,
    ...entity,
    client_platform: blankToNull(row.get('client_platform')),
    device_id: blankToNull(row.get('device_id')),
    ip_address: blankToNull(row.get('ip_address')),
    user_agent: blankToNull(row.get('user_agent')),
    actor_info_json: toJsonText(actorInfo),
    event_info_json: toJsonText(eventInfo),
    entity_info_json: toJsonText(entityInfo),
    raw_json: row.rawJson(),
    ...sourceCells(file, row.line),
  }
}

/** sha256 of the identifying fields and how many identical rows came before in this file. */
function eventKey(identity: Array<string | null>, occurrences: Map<string, number>): string {
  const base = JSON.stringify(identity)
  const n = (occurrences.get(base) ?? 0) + 1
  occurrences.set(base, n)
  return createHash('sha256').update(`${base}#${n}`).digest('hex')
}

/** A Python-literal cell; an empty cell is the empty dict (the export writes both). */
function literalCell(row: DataRow, column: string) {
  const text = row.get(column).trim()
  if (text === '') return new Map() as PyDict
  try {
    return parsePythonLiteral(text, column)
  } catch (error) {
    throw locateImportError(error, row.where(column))
  }
}

function dictCell(row: DataRow, column: string): PyDict {
  const dict = asDict(literalCell(row, column))
  if (!dict) throw importError(row.where(column), "Expected a dict such as {} or {'type': …}.")
  return dict
}

/** A system event's actor is `{}`: no person, all NULL. */
interface ActorFields extends Row {
  actor_uuid: string | null
}

function actorFields(row: DataRow, actor: PyDict): ActorFields {
  const emailText = dictString(asDict(actor.get('metadata')), 'email_address')
  const email = emailText === undefined ? null : normalizeEmail(emailText)
  if (email === undefined) {
    throw importError(
      row.where('actor_info'),
      "The actor's metadata.email_address is not a valid email address.",
    )
  }
  return {
    actor_type: dictString(actor, 'type') ?? null,
    actor_email: email,
    actor_name: dictString(actor, 'name') ?? null,
    actor_uuid: dictString(actor, 'uuid') ?? null,
  }
}

function entityFields(
  entity: PyDict,
): Row & { entity_type: string | null; entity_uuid: string | null } {
  return {
    entity_type: dictString(entity, 'type') ?? null,
    entity_uuid: dictString(entity, 'uuid') ?? null,
    project_uuid: dictString(asDict(entity.get('metadata')), 'project_uuid') ?? null,
  }
}
