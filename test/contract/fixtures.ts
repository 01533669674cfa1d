// Row and request builders for the warehouse conformance suite. Rows follow the canonical Row
// conventions (money as decimal strings, days as 'YYYY-MM-DD', JSON as text), so every engine
// receives exactly what the pipeline's normalizers produce.

import type { Day } from '../../src/core/days.js'
import type { Row } from '../../src/core/records.js'
import type { LoadRecord, LoadRequest, TableLoad } from '../../src/warehouse/warehouse.js'

export function costRow(day: Day, lineKey: string, fields: Partial<Row> = {}): Row {
  return {
    usage_date: day,
    line_key: lineKey,
    workspace_id: null,
    description: 'Claude Sonnet 4.5 Usage - Output Tokens',
    cost_type: 'tokens',
    token_type: 'output_tokens',
    model: 'claude-sonnet-4-5',
    service_tier: 'standard',
    context_window: '0-200k',
    inference_geo: null,
    currency: 'USD',
    amount_cents: '100',
    amount_usd: '1.000000000',
    raw_json: '{}',
    ...fields,
  }
}

export function workspaceRow(id: string, name: string): Row {
  return {
    id,
    name,
    created_at: '2025-01-01T00:00:00Z',
    archived_at: null,
    display_color: '#6C5BB9',
    last_seen_at: '2025-03-01T06:00:00Z',
    raw_json: JSON.stringify({ id, name }),
  }
}

export function messagesUsageRow(day: Day, lineKey: string, fields: Partial<Row> = {}): Row {
  return {
    usage_date: day,
    line_key: lineKey,
    api_key_id: 'apikey_01',
    workspace_id: null,
    model: 'claude-sonnet-4-5',
    service_tier: 'standard',
    context_window: '0-200k',
    uncached_input_tokens: 1000,
    cache_read_input_tokens: 200,
    cache_creation_5m_input_tokens: 30,
    cache_creation_1h_input_tokens: 4,
    output_tokens: 500,
    web_search_requests: 0,
    raw_json: '{}',
    ...fields,
  }
}

export function claudeCodeRow(day: Day, lineKey: string, fields: Partial<Row> = {}): Row {
  return {
    usage_date: day,
    line_key: lineKey,
    actor_type: 'user_actor',
    actor_email: 'ada@example.com',
    actor_api_key_name: null,
    organization_id: 'org-1',
    customer_type: 'api',
    subscription_type: null,
    terminal_type: 'vscode',
    is_remote: false,
    num_sessions: 3,
    lines_added: 120,
    lines_removed: 20,
    commits: 1,
    pull_requests: 0,
    tool_accepted: 10,
    tool_rejected: 2,
    tool_actions_json: '{"edit_tool":{"accepted":10,"rejected":2}}',
    raw_json: '{}',
    ...fields,
  }
}

export function claudeCodeModelRow(day: Day, lineKey: string, fields: Partial<Row> = {}): Row {
  return {
    usage_date: day,
    line_key: lineKey,
    model: 'claude-sonnet-4-5',
    input_tokens: 100,
    output_tokens: 50,
    cache_read_tokens: 10,
    cache_creation_tokens: 5,
    estimated_cost_usd: '7.500000000',
    ...fields,
  }
}

export function loadRecord(loadId: string, fields: Partial<LoadRecord> = {}): LoadRecord {
  return {
    runId: 'run-1',
    loadId,
    vendor: 'anthropic',
    resource: 'cost_report',
    pages: 1,
    rows: 0,
    retries: 0,
    durationMs: 10,
    status: 'succeeded',
    startedAt: '2025-03-02T06:00:00.000Z',
    finishedAt: '2025-03-02T06:00:01.000Z',
    ...fields,
  }
}

/** A replace_window load of anthropic_cost_report for [from, to]. */
export function costLoad(
  loadId: string,
  from: Day,
  to: Day,
  rows: Row[],
  cursor?: Day,
): LoadRequest {
  const table: TableLoad = {
    table: 'anthropic_cost_report',
    disposition: 'replace_window',
    primaryKey: ['usage_date', 'line_key'],
    window: { from, to, column: 'usage_date' },
    rows,
  }
  const record = loadRecord(loadId, { window: { from, to }, rows: rows.length })
  return cursor === undefined ? { tables: [table], record } : { tables: [table], record, cursor }
}

/** A merge load of anthropic_workspaces. */
export function workspacesLoad(loadId: string, rows: Row[]): LoadRequest {
  return {
    tables: [{ table: 'anthropic_workspaces', disposition: 'merge', primaryKey: ['id'], rows }],
    record: loadRecord(loadId, { resource: 'workspaces', rows: rows.length }),
  }
}

/** Claude Code parent + per-model children for one day, as one unit of work. */
export function claudeCodeLoad(
  loadId: string,
  day: Day,
  parents: Row[],
  models: Row[],
): LoadRequest {
  const window = { from: day, to: day, column: 'usage_date' }
  const tables: TableLoad[] = [
    {
      table: 'anthropic_claude_code',
      disposition: 'replace_window',
      primaryKey: ['usage_date', 'line_key'],
      window,
      rows: parents,
    },
    {
      table: 'anthropic_claude_code_models',
      disposition: 'replace_window',
      primaryKey: ['usage_date', 'line_key', 'model'],
      window,
      rows: models,
    },
  ]
  const record = loadRecord(loadId, { resource: 'claude_code', window: { from: day, to: day } })
  return { tables, record, cursor: day }
}

/** One day of messages usage. */
export function messagesLoad(loadId: string, day: Day, rows: Row[]): LoadRequest {
  const window = { from: day, to: day, column: 'usage_date' }
  return {
    tables: [
      {
        table: 'anthropic_messages_usage',
        disposition: 'replace_window',
        primaryKey: ['usage_date', 'line_key'],
        window,
        rows,
      },
    ],
    record: loadRecord(loadId, { resource: 'messages_usage', window: { from: day, to: day } }),
  }
}
