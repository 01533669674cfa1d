// Seeds a real DuckDB warehouse with small, hand-computable Anthropic facts (cost lines, token
// usage, Claude Code records, users, keys, workspaces) and an identity map imported through
// the real `identity-map` import, then runs the pipeline with no sources so only the derived
// steps run (allocation, budgets, identity sheet). Tests read the public views back exactly.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCapturingLogger, type Logger } from '../../src/core/logger.js'
import { dollars, toDecimalString } from '../../src/core/money.js'
import type { Row } from '../../src/core/records.js'
import { runImport } from '../../src/imports/run.js'
import type { DeriveSettings } from '../../src/pipeline/derive.js'
import { runPipeline } from '../../src/pipeline/run.js'
import { lineKey } from '../../src/sources/parse.js'
import { createDuckdbWarehouse } from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export interface ViewsHarness {
  warehouse: Warehouse
  clock: FakeClock
  logger: Logger
  dir: string
  /** Upserts rows into a table (merge on its key), like a vendor load would. */
  seed(table: string, primaryKey: string[], rows: Row[]): Promise<void>
  /** Imports an identity map CSV through `ai-usage import identity-map`'s code. */
  importMap(csv: string): Promise<void>
  /** A pipeline run with no sources: only the derived steps. */
  derive(settings?: DeriveSettings): ReturnType<typeof runPipeline>
  query<T extends Record<string, unknown>>(sql: string): Promise<T[]>
  close(): Promise<void>
}

let loads = 0

export interface ViewsHarnessOptions {
  now?: string
  /** Opens the engine under test (default: DuckDB in `dir`); the views must answer the same. */
  open?: (deps: { dir: string; clock: FakeClock; logger: Logger }) => Promise<Warehouse>
}

export async function createViewsHarness(dir: string, options: ViewsHarnessOptions = {}) {
  const clock = createFakeClock(options.now ?? '2026-03-05T08:00:00Z')
  const logger = createCapturingLogger()
  const open =
    options.open ??
    (() => createDuckdbWarehouse({ path: join(dir, 'views.duckdb'), clock, logger }))
  const warehouse = await open({ dir, clock, logger })
  const migrated = await warehouse.migrate()
  if (migrated.error) throw migrated.error
  const h: ViewsHarness = {
    warehouse,
    clock,
    logger,
    dir,
    seed: async (table, primaryKey, rows) => {
      const at = clock.now().toISOString()
      const loadId = `load_seed_${String(++loads).padStart(4, '0')}`
      await warehouse.load({
        tables: [{ table, disposition: 'merge', primaryKey, rows }],
        record: {
          runId: 'run_seed',
          loadId,
          vendor: 'anthropic',
          resource: table,
          pages: 1,
          rows: rows.length,
          retries: 0,
          durationMs: 0,
          status: 'succeeded',
          startedAt: at,
          finishedAt: at,
        },
      })
    },
    importMap: async (csv) => {
      const path = join(dir, `map-${++loads}.csv`)
      writeFileSync(path, csv)
      await runImport({ warehouse, clock, logger }, { kind: 'identity-map', path })
    },
    derive: (settings) =>
      runPipeline({ sources: [], warehouse, logger, clock, derive: settings }, { trigger: 'test' }),
    query: (sql) => warehouse.query(sql),
    close: () => warehouse.close(),
  }
  return h
}

const RAW = '{}'

export function workspace(id: string, name: string): Row {
  return { id, name, last_seen_at: '2026-03-05T00:00:00Z', raw_json: RAW }
}

export function user(id: string, email: string, role: string, addedAt = '2026-01-01'): Row {
  return {
    id,
    email,
    name: email.split('@')[0] ?? email,
    role,
    added_at: `${addedAt}T09:00:00Z`,
    last_seen_at: '2026-03-05T00:00:00Z',
    raw_json: RAW,
  }
}

export function apiKey(
  id: string,
  name: string,
  workspaceId: string | null,
  principal: { id: string; type: 'user' | 'service_account' } | null,
  createdBy: string | null = null,
): Row {
  return {
    id,
    name,
    status: 'active',
    workspace_id: workspaceId,
    created_at: '2026-01-02T00:00:00Z',
    created_by_id: createdBy,
    created_by_type: createdBy ? 'user' : null,
    principal_id: principal?.id ?? null,
    principal_type: principal?.type ?? null,
    last_seen_at: '2026-03-05T00:00:00Z',
    raw_json: RAW,
  }
}

export interface CostSpec {
  day: string
  ws: string | null
  model?: string | null
  tokenType?: string | null
  costType?: string
  usd: string
}

export function cost(c: CostSpec): Row {
  const grouping = {
    workspace_id: c.ws,
    description: `${c.model ?? c.costType} ${c.tokenType ?? ''}`,
    cost_type: c.costType ?? 'tokens',
    token_type: c.tokenType ?? null,
    model: c.model ?? null,
    service_tier: c.model ? 'standard' : null,
    context_window: c.model ? '0-200k' : null,
  }
  const amount = dollars(c.usd)
  return {
    usage_date: c.day,
    line_key: lineKey(grouping),
    ...grouping,
    inference_geo: null,
    currency: 'USD',
    amount_cents: toDecimalString((amount * 100n) as typeof amount),
    amount_usd: toDecimalString(amount),
    raw_json: RAW,
  }
}

export interface UsageSpec {
  day: string
  key: string | null
  ws: string | null
  model: string
  input?: number
  output?: number
  read?: number
  write5m?: number
  write1h?: number
  search?: number
}

export function usage(u: UsageSpec): Row {
  const grouping = {
    api_key_id: u.key,
    workspace_id: u.ws,
    model: u.model,
    service_tier: 'standard',
    context_window: '0-200k',
  }
  return {
    usage_date: u.day,
    line_key: lineKey(grouping),
    ...grouping,
    uncached_input_tokens: u.input ?? 0,
    cache_read_input_tokens: u.read ?? 0,
    cache_creation_5m_input_tokens: u.write5m ?? 0,
    cache_creation_1h_input_tokens: u.write1h ?? 0,
    output_tokens: u.output ?? 0,
    web_search_requests: u.search ?? 0,
    raw_json: RAW,
  }
}

export interface ClaudeCodeSpec {
  day: string
  email?: string
  keyName?: string
  customerType?: 'api' | 'subscription'
  sessions?: number
  linesAdded?: number
  accepted?: number
  rejected?: number
  commits?: number
  prs?: number
  models: { model: string; estimateUsd: string }[]
}

/** One Claude Code record: its parent row and per-model children. */
export function claudeCode(c: ClaudeCodeSpec): { parent: Row; models: Row[] } {
  const key = lineKey({ actor: c.email ?? c.keyName, customer_type: c.customerType ?? 'api' })
  const parent: Row = {
    usage_date: c.day,
    line_key: key,
    actor_type: c.email ? 'user_actor' : 'api_actor',
    actor_email: c.email ?? null,
    actor_api_key_name: c.keyName ?? null,
    customer_type: c.customerType ?? 'api',
    num_sessions: c.sessions ?? 1,
    lines_added: c.linesAdded ?? 0,
    lines_removed: 0,
    commits: c.commits ?? 0,
    pull_requests: c.prs ?? 0,
    tool_accepted: c.accepted ?? 0,
    tool_rejected: c.rejected ?? 0,
    tool_actions_json: RAW,
    raw_json: RAW,
  }
  const models = c.models.map((m) => ({
    usage_date: c.day,
    line_key: key,
    model: m.model,
    input_tokens: 0,
    output_tokens: 0,
    cache_read_tokens: 0,
    cache_creation_tokens: 0,
    estimated_cost_usd: toDecimalString(dollars(m.estimateUsd)),
  }))
  return { parent, models }
}
