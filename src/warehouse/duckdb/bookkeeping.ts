// Reads and writes the pipeline's own tables: _ingest_state (cursors), _ingest_loads (one
// record per load) and _ingest_runs. Writes take the connection they run on, so a load can
// write its cursor and record inside its own transaction. Re-recording the same load or run
// id replaces the row: a retried run may record a load again without a key violation.

import { timestampValue, type DuckDBConnection } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import type { Day } from '../../core/days.js'
import type { LoadRecord, ResourceState, RunRecord } from '../warehouse.js'
import { toResourceState, toRunRecord } from '../rows.js'
import { isoToMicros } from './cells.js'
import { execSql, selectSql } from './session.js'

const UPSERT_STATE = `
  INSERT INTO _ingest_state (vendor, resource, cursor_day, updated_at, last_load_id)
  VALUES ($vendor, $resource, CAST($cursor AS DATE), $updatedAt, $loadId)
  ON CONFLICT (vendor, resource) DO UPDATE SET cursor_day = excluded.cursor_day,
    updated_at = excluded.updated_at, last_load_id = excluded.last_load_id`

const INSERT_LOAD = `
  INSERT OR REPLACE INTO _ingest_loads (load_id, run_id, vendor, resource, window_from, window_to,
    pages, row_count, retries, duration_ms, status, error, started_at, finished_at)
  VALUES ($loadId, $runId, $vendor, $resource, CAST($from AS DATE), CAST($to AS DATE), $pages,
    $rows, $retries, $durationMs, $status, $error, $startedAt, $finishedAt)`

const UPSERT_RUN = `
  INSERT OR REPLACE INTO _ingest_runs (run_id, trigger, started_at, finished_at, status,
    window_from, window_to, summary)
  VALUES ($runId, $trigger, $startedAt, $finishedAt, $status, CAST($from AS DATE),
    CAST($to AS DATE), $summary)`

/** A TIMESTAMP parameter from an ISO string (DuckDB's own text cast would drop the offset). */
export function timestampParam(iso: string, field: string) {
  const micros = isoToMicros(iso)
  if (micros === undefined) {
    throw new PipelineError('WAREHOUSE_QUERY', `${field} must be an ISO-8601 timestamp`, {
      context: { field },
    })
  }
  return timestampValue(micros)
}

export async function upsertState(
  conn: DuckDBConnection,
  record: LoadRecord,
  cursor: Day,
  updatedAt: string,
): Promise<void> {
  const params = {
    vendor: record.vendor,
    resource: record.resource,
    cursor,
    updatedAt: timestampParam(updatedAt, 'updatedAt'),
    loadId: record.loadId,
  }
  await execSql(conn, { op: 'write', table: '_ingest_state' }, UPSERT_STATE, params)
}

export async function insertLoadRecord(conn: DuckDBConnection, r: LoadRecord): Promise<void> {
  const params = {
    loadId: r.loadId,
    runId: r.runId,
    vendor: r.vendor,
    resource: r.resource,
    from: r.window?.from ?? null,
    to: r.window?.to ?? null,
    pages: r.pages,
    rows: r.rows,
    retries: r.retries,
    durationMs: Math.round(r.durationMs),
    status: r.status,
    error: r.error ?? null,
    startedAt: timestampParam(r.startedAt, 'startedAt'),
    finishedAt: timestampParam(r.finishedAt, 'finishedAt'),
  }
  await execSql(
    conn,
    { op: 'write', table: '_ingest_loads', loadId: r.loadId },
    INSERT_LOAD,
    params,
  )
}

export async function upsertRun(conn: DuckDBConnection, run: RunRecord): Promise<void> {
  const params = {
    runId: run.runId,
    trigger: run.trigger,
    startedAt: timestampParam(run.startedAt, 'startedAt'),
    finishedAt: run.finishedAt === undefined ? null : timestampParam(run.finishedAt, 'finishedAt'),
    status: run.status,
    from: run.window?.from ?? null,
    to: run.window?.to ?? null,
    summary: run.summary ?? null,
  }
  await execSql(conn, { op: 'write', table: '_ingest_runs' }, UPSERT_RUN, params)
}

export async function selectRun(conn: DuckDBConnection, runId: string) {
  const sql = 'SELECT * FROM _ingest_runs WHERE run_id = $runId'
  const [row] = await selectSql(conn, { op: 'read', table: '_ingest_runs' }, sql, { runId })
  return row === undefined ? undefined : toRunRecord(row)
}

export async function selectCursor(conn: DuckDBConnection, vendor: string, resource: string) {
  const sql = 'SELECT cursor_day FROM _ingest_state WHERE vendor = $vendor AND resource = $resource'
  const rows = await selectSql(conn, { op: 'read', table: '_ingest_state' }, sql, {
    vendor,
    resource,
  })
  const day = rows[0]?.cursor_day
  return typeof day === 'string' ? day : undefined
}

export async function selectStates(conn: DuckDBConnection): Promise<ResourceState[]> {
  const sql = 'SELECT * FROM _ingest_state ORDER BY vendor, resource'
  const rows = await selectSql(conn, { op: 'read', table: '_ingest_state' }, sql)
  return rows.map(toResourceState)
}
