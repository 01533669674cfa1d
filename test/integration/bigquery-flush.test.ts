// One flush = many loads applied at once, with the semantics of applying them one by one:
// the same sequence of loads goes into DuckDB (each load commits on its own) and into the
// BigQuery engine (every load staged, then ONE flush), and the tables, cursors and load
// records must come out identical — overlapping replace_window loads, the same key merged
// twice with a NULL key part, an emptied window, multi-table units and appends.

import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LoadRequest, Warehouse } from '../../src/warehouse/warehouse.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  claudeCodeLoad,
  claudeCodeModelRow,
  claudeCodeRow,
  costLoad,
  costRow,
  loadRecord,
  messagesUsageRow,
  workspaceRow,
  workspacesLoad,
} from '../contract/fixtures.js'
import { createBigQueryHarness, targetsOnly, type BigQueryHarness } from './bigquery-harness.js'

const tmp = createTmpDirs()
let h: BigQueryHarness
let duck: Warehouse

beforeEach(async () => {
  h = await createBigQueryHarness({ views: /^50_pipeline_runs\.sql$/ })
  duck = await createDuckdbWarehouse({ path: join(tmp.make(), 'flush.duckdb'), clock: h.clock })
  for (const wh of [h.warehouse, duck]) {
    const report = await wh.migrate()
    if (report.error) throw report.error
  }
})
afterEach(async () => {
  await duck.close()
  await h.close()
  tmp.cleanup()
})

const day = (n: number) => `2025-03-${String(n).padStart(2, '0')}`

/** Overlapping windows, re-keyed rows, an emptied day, merges with NULL key parts, appends. */
function sequence(): LoadRequest[] {
  const nullKeyMerge = (loadId: string, tokens: number): LoadRequest => ({
    tables: [
      {
        table: 'anthropic_messages_usage',
        disposition: 'merge',
        primaryKey: ['usage_date', 'line_key', 'workspace_id'],
        rows: [messagesUsageRow(day(20), 'n', { output_tokens: tokens })],
      },
    ],
    record: loadRecord(loadId, { resource: 'messages_usage' }),
  })
  const append: LoadRequest = {
    tables: [
      {
        table: 'anthropic_organizations',
        disposition: 'append',
        primaryKey: [],
        rows: [{ id: 'org-1', name: 'Acme', last_seen_at: '2025-03-05T00:00:00Z', raw_json: '{}' }],
      },
    ],
    record: loadRecord('l-org', { resource: 'organization' }),
  }
  return [
    costLoad(
      'l1',
      day(1),
      day(5),
      [1, 2, 3, 4, 5].map((d) => costRow(day(d), 'a')),
      day(5),
    ),
    costLoad(
      'l2',
      day(4),
      day(8),
      [costRow(day(4), 'b', { amount_usd: '4.4' }), costRow(day(8), 'a')],
      day(8),
    ),
    costLoad('l3', day(2), day(2), [], day(8)),
    workspacesLoad('w1', [workspaceRow('w1', 'One'), workspaceRow('w2', 'Two')]),
    workspacesLoad('w2', [workspaceRow('w2', 'Two renamed')]),
    nullKeyMerge('n1', 1),
    nullKeyMerge('n2', 2),
    claudeCodeLoad(
      'cc1',
      day(6),
      [claudeCodeRow(day(6), 'ada')],
      [claudeCodeModelRow(day(6), 'ada')],
    ),
    claudeCodeLoad(
      'cc2',
      day(6),
      [claudeCodeRow(day(6), 'bob', { actor_email: 'bob@example.com' })],
      [],
    ),
    append,
  ]
}

const READS = [
  'SELECT usage_date, line_key, workspace_id, amount_usd, _load_id FROM anthropic_cost_report ORDER BY 1, 2',
  'SELECT id, name, _load_id FROM anthropic_workspaces ORDER BY id',
  'SELECT usage_date, line_key, workspace_id, output_tokens FROM anthropic_messages_usage',
  'SELECT usage_date, line_key, actor_email, _load_id FROM anthropic_claude_code ORDER BY 1, 2',
  'SELECT usage_date, line_key, model, estimated_cost_usd FROM anthropic_claude_code_models ORDER BY 1, 2',
  'SELECT id, name FROM anthropic_organizations',
  'SELECT vendor, resource, cursor_day, last_load_id FROM _ingest_state ORDER BY 1, 2',
  'SELECT load_id, status, window_from, window_to, row_count FROM _ingest_loads ORDER BY 1',
]

describe('a flush applies its loads as if one by one', () => {
  it('leaves tables, cursors and load records as DuckDB does, modifying each table once', async () => {
    for (const request of sequence()) await duck.load(request)
    for (const request of sequence()) await h.warehouse.load(request)
    const since = h.double.requests.length
    const report = await h.warehouse.flush!()
    expect(report.loadIds).toEqual(sequence().map((r) => r.record.loadId))
    for (const sql of READS)
      expect(await h.warehouse.query(sql), sql).toEqual(await duck.query(sql))
    const modifications = targetsOnly(h.modifications(since))
    for (const [table, n] of Object.entries(modifications)) expect(n, table).toBe(1)
    expect(Object.keys(modifications).sort()).toEqual([
      '_ingest_loads',
      '_ingest_state',
      'anthropic_claude_code',
      'anthropic_claude_code_models',
      'anthropic_cost_report',
      'anthropic_messages_usage',
      'anthropic_organizations',
      'anthropic_workspaces',
    ])
  })

  it('commits nothing staged by a load that failed, and the rest of the flush still lands', async () => {
    const [first, ...rest] = sequence()
    await h.warehouse.load(first!)
    const bad = claudeCodeLoad(
      'bad',
      day(9),
      [claudeCodeRow(day(9), 'x')],
      [claudeCodeModelRow(day(9), 'x', { model: null })],
    )
    await expect(h.warehouse.load(bad)).rejects.toMatchObject({ code: 'WAREHOUSE_LOAD' })
    await h.warehouse.load(rest[0]!)
    await h.warehouse.flush!()
    await duck.load(first!)
    await duck.load(rest[0]!)
    for (const sql of READS)
      expect(await h.warehouse.query(sql), sql).toEqual(await duck.query(sql))
    expect(await h.warehouse.query('SELECT * FROM anthropic_claude_code')).toEqual([])
  })

  it('a flush with nothing staged sends nothing', async () => {
    const since = h.double.requests.length
    expect(await h.warehouse.flush!()).toEqual({
      loadIds: [],
      rowsWritten: {},
      tableModifications: {},
    })
    expect(h.double.requests.length).toBe(since)
  })
})
