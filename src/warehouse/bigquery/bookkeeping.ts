// The pipeline's own tables on BigQuery: _ingest_state (cursors), _ingest_loads (one record
// per load) and _ingest_runs. Cursor and load-record statements are parts of the commit
// script (one MERGE and one INSERT per flush, whatever the number of loads); a run record is
// one small MERGE whose ON names the run's started_at, the table's partition column.

import type { Day } from '../../core/days.js'
import type { LoadRecord, ResourceState, RunRecord } from '../warehouse.js'
import { toResourceState, toRunRecord } from '../rows.js'
import { quoteIdent, type ParamBag } from './dialect.js'
import type { BigQuerySession } from './session.js'

export interface CursorMove {
  record: LoadRecord
  cursor: Day
}

const STATE_COLUMNS = ['vendor', 'resource', 'cursor_day', 'updated_at', 'last_load_id']
const LOAD_COLUMNS = [
  'load_id',
  'run_id',
  'vendor',
  'resource',
  'window_from',
  'window_to',
  'pages',
  'row_count',
  'retries',
  'duration_ms',
  'status',
  'error',
  'started_at',
  'finished_at',
]
const RUN_COLUMNS = [
  'run_id',
  'trigger',
  'started_at',
  'finished_at',
  'status',
  'window_from',
  'window_to',
  'summary',
]

/** One MERGE moving every resource's cursor to its latest committed load's value. */
export function stateMergeSql(path: string, moves: CursorMove[], now: string, bag: ParamBag) {
  const latest = new Map<string, CursorMove>()
  for (const move of moves) latest.set(`${move.record.vendor}\u0000${move.record.resource}`, move)
  const rows = [...latest.values()].map(({ record, cursor }) =>
    selectRow(STATE_COLUMNS, [
      bag.add(record.vendor, 'STRING'),
      bag.add(record.resource, 'STRING'),
      bag.add(cursor, 'DATE'),
      bag.add(now, 'TIMESTAMP'),
      bag.add(record.loadId, 'STRING'),
    ]),
  )
  return upsertSql(path, rows, ['vendor', 'resource'], STATE_COLUMNS)
}

/** One INSERT of every load record of the flush (load ids are unique per run). */
export function insertLoadsSql(path: string, records: readonly LoadRecord[], bag: ParamBag) {
  const rows = records.map((r) => `(${loadValues(r, bag).join(', ')})`)
  return `INSERT INTO ${path} (${LOAD_COLUMNS.join(', ')})\nVALUES ${rows.join(',\n  ')}`
}

function loadValues(r: LoadRecord, bag: ParamBag): string[] {
  return [
    bag.add(r.loadId, 'STRING'),
    bag.add(r.runId, 'STRING'),
    bag.add(r.vendor, 'STRING'),
    bag.add(r.resource, 'STRING'),
    bag.add(r.window?.from ?? null, 'DATE'),
    bag.add(r.window?.to ?? null, 'DATE'),
    bag.add(r.pages, 'INT64'),
    bag.add(r.rows, 'INT64'),
    bag.add(r.retries, 'INT64'),
    bag.add(Math.round(r.durationMs), 'INT64'),
    bag.add(r.status, 'STRING'),
    bag.add(r.error ?? null, 'STRING'),
    bag.add(r.startedAt, 'TIMESTAMP'),
    bag.add(r.finishedAt, 'TIMESTAMP'),
  ]
}

/** Insert or replace one run; ON names started_at so only its partition is read. */
export function saveRunSql(path: string, run: RunRecord, bag: ParamBag): string {
  const row = selectRow(RUN_COLUMNS, [
    bag.add(run.runId, 'STRING'),
    bag.add(run.trigger, 'STRING'),
    bag.add(run.startedAt, 'TIMESTAMP'),
    bag.add(run.finishedAt ?? null, 'TIMESTAMP'),
    bag.add(run.status, 'STRING'),
    bag.add(run.window?.from ?? null, 'DATE'),
    bag.add(run.window?.to ?? null, 'DATE'),
    bag.add(run.summary ?? null, 'STRING'),
  ])
  return upsertSql(path, [row], ['run_id', 'started_at'], RUN_COLUMNS)
}

function selectRow(columns: string[], values: string[]): string {
  return `SELECT ${values.map((v, i) => `${v} AS ${quoteIdent(columns[i]!)}`).join(', ')}`
}

function upsertSql(path: string, rows: string[], keys: string[], columns: string[]): string {
  const set = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = S.${c}`)
  return [
    `MERGE ${path} AS T`,
    `USING (${rows.join('\n  UNION ALL ')}) AS S`,
    `ON ${keys.map((k) => `T.${k} = S.${k}`).join(' AND ')}`,
    `WHEN MATCHED THEN UPDATE SET ${set.join(', ')}`,
    `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `S.${c}`).join(', ')})`,
  ].join('\n')
}

export async function selectRun(session: BigQuerySession, runId: string) {
  const sql = `SELECT * FROM ${session.path('_ingest_runs')} WHERE run_id = @runId`
  const params = { values: { runId }, types: { runId: 'STRING' } }
  const [row] = await session.select(sql, { op: 'read', table: '_ingest_runs' }, params)
  return row === undefined ? undefined : toRunRecord(row)
}

export async function selectCursor(session: BigQuerySession, vendor: string, resource: string) {
  const sql =
    `SELECT cursor_day FROM ${session.path('_ingest_state')} ` +
    'WHERE vendor = @vendor AND resource = @resource'
  const params = { values: { vendor, resource }, types: { vendor: 'STRING', resource: 'STRING' } }
  const rows = await session.select(sql, { op: 'read', table: '_ingest_state' }, params)
  const day = rows[0]?.cursor_day
  return typeof day === 'string' ? day : undefined
}

export async function selectStates(session: BigQuerySession): Promise<ResourceState[]> {
  const sql = `SELECT * FROM ${session.path('_ingest_state')} ORDER BY vendor, resource`
  const rows = await session.select(sql, { op: 'read', table: '_ingest_state' })
  return rows.map(toResourceState)
}
