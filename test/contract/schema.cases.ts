// Contract cases for schema management: migrate from empty, idempotent re-runs, drift
// detection, and the public views (their exact column names and their money rules).

import { appendFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { PipelineError } from '../../src/core/errors.js'
import { dollars, sum } from '../../src/core/money.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import type { ContractHarness } from './warehouse.contract.js'
import {
  claudeCodeLoad,
  claudeCodeModelRow,
  claudeCodeRow,
  costLoad,
  costRow,
  messagesLoad,
  messagesUsageRow,
  workspacesLoad,
  workspaceRow,
} from './fixtures.js'

export const COST_DAILY_COLUMNS = [
  'usage_date',
  'provider',
  'service',
  'account_id',
  'account_name',
  'model',
  'sku',
  'description',
  'quantity',
  'unit',
  'cost_usd',
  'basis',
  'currency',
]
export const USAGE_DAILY_COLUMNS = [
  'usage_date',
  'provider',
  'service',
  'subject',
  'subject_type',
  'account_id',
  'model',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'requests',
  'counted_in',
]
export const PIPELINE_RUNS_COLUMNS = [
  'run_id',
  'vendor',
  'resource',
  'window_from',
  'window_to',
  'loads',
  'pages',
  'row_count',
  'retries',
  'duration_ms',
  'status',
  'error',
  'started_at',
  'finished_at',
  'trigger',
  'run_status',
]

export function defineSchemaCases(h: ContractHarness): void {
  it('migrates from empty, then re-runs with every migration skipped and views recreated', async () => {
    const wh = await h.open({ migrate: false })
    const first = await wh.migrate()
    expect(first.error).toBeUndefined()
    const migrations = first.results.filter((r) => r.kind === 'migration')
    expect(migrations.length).toBeGreaterThanOrEqual(2)
    expect(first.results.every((r) => r.status === 'applied')).toBe(true)
    const second = await wh.migrate()
    expect(second.error).toBeUndefined()
    for (const r of second.results) expect(r.status).toBe(r.kind === 'view' ? 'applied' : 'skipped')
    expect(second.statements.length).toBe(second.results.filter((r) => r.kind === 'view').length)
    expect(await wh.query('SELECT * FROM cost_daily')).toEqual([])
  })

  it('reports an edited applied migration as MIGRATION_DRIFT naming the file', async () => {
    const wh = await h.open()
    const dir = join(h.sqlDir(), wh.capabilities.dialect, 'migrations')
    const first = readdirSync(dir).sort()[0]!
    appendFileSync(join(dir, first), '\n-- an innocent-looking edit\n')
    const report = await wh.migrate()
    expect(report.error).toBeInstanceOf(PipelineError)
    expect((report.error as PipelineError).code).toBe('MIGRATION_DRIFT')
    expect(report.error?.message).toContain(first)
    expect(report.results.find((r) => r.name === first)).toMatchObject({ status: 'failed' })
    expect(report.results.some((r) => r.status === 'applied')).toBe(false)
  })

  it('dry-runs without changing anything', async () => {
    const wh = await h.open({ migrate: false })
    const dry = await wh.migrate({ dryRun: true })
    expect(dry.error).toBeUndefined()
    expect(dry.statements.length).toBeGreaterThan(0)
    const real = await wh.migrate()
    expect(
      real.results.filter((r) => r.kind === 'migration').every((r) => r.status === 'applied'),
    ).toBe(true)
  })

  it('exposes the views with exactly the public column names', async () => {
    const wh = await h.open()
    await loadEverything(wh)
    const keys = async (view: string) =>
      Object.keys((await wh.query(`SELECT * FROM ${view}`))[0] ?? {})
    expect(await keys('cost_daily')).toEqual(COST_DAILY_COLUMNS)
    expect(await keys('usage_daily')).toEqual(USAGE_DAILY_COLUMNS)
    expect(await keys('pipeline_runs')).toEqual(PIPELINE_RUNS_COLUMNS)
  })

  it('keeps Default-workspace (NULL) cost rows and names workspaces through a null-safe join', async () => {
    const wh = await h.open()
    await loadEverything(wh)
    const rows = await wh.query<{ account_id: string; account_name: string; cost_usd: string }>(
      'SELECT account_id, account_name, cost_usd FROM cost_daily ORDER BY account_id',
    )
    expect(rows.map((r) => [r.account_id, r.account_name])).toEqual([
      ['default', 'Default workspace'],
      ['wrkspc_1', 'Research'],
    ])
    expect(sum(rows.map((r) => dollars(r.cost_usd)))).toBe(dollars('3.250000001'))
  })

  it('never adds Claude Code estimated cost to cost_daily', async () => {
    const wh = await h.open()
    await loadEverything(wh)
    const [total] = await wh.query<{ n: number; cost: string }>(
      "SELECT COUNT(*) AS n, SUM(cost_usd) AS cost FROM cost_daily WHERE provider = 'anthropic'",
    )
    expect(total?.n).toBe(2)
    expect(dollars(String(total?.cost))).toBe(dollars('3.250000001'))
  })

  it('sums Claude Code tokens per person and marks API-customer tokens as counted in claude_api', async () => {
    const wh = await h.open()
    await loadEverything(wh)
    const rows = await wh.query<Record<string, unknown>>(
      "SELECT * FROM usage_daily WHERE service = 'claude_code' ORDER BY subject",
    )
    expect(rows).toEqual([
      expect.objectContaining({
        subject: 'ada@example.com',
        subject_type: 'person',
        input_tokens: 300,
        cache_write_tokens: 15,
        counted_in: 'anthropic/claude_api',
      }),
      expect.objectContaining({
        subject: 'bob@example.com',
        subject_type: 'person',
        input_tokens: 100,
        counted_in: null,
      }),
    ])
    const api = await wh.query<Record<string, unknown>>(
      "SELECT * FROM usage_daily WHERE service = 'claude_api' ORDER BY subject",
    )
    expect(api).toEqual([
      expect.objectContaining({
        subject: 'apikey_01',
        subject_type: 'api_key',
        account_id: 'default',
        input_tokens: 1000,
        cache_write_tokens: 34,
        requests: null,
      }),
      expect.objectContaining({
        subject: 'console',
        subject_type: 'console',
        account_id: 'wrkspc_1',
      }),
    ])
  })
}

/** One day of every Anthropic table, with a NULL workspace, a named workspace and Claude Code. */
export async function loadEverything(wh: Warehouse): Promise<void> {
  const day = '2025-03-01'
  await wh.load(workspacesLoad('ws-1', [workspaceRow('wrkspc_1', 'Research')]))
  await wh.load(
    costLoad('cost-1', day, day, [
      costRow(day, 'default|out', { amount_usd: '1.250000001' }),
      costRow(day, 'research|out', { workspace_id: 'wrkspc_1', amount_usd: '2.000000000' }),
    ]),
  )
  await wh.load(
    messagesLoad('msg-1', day, [
      messagesUsageRow(day, 'k1'),
      messagesUsageRow(day, 'console', { api_key_id: null, workspace_id: 'wrkspc_1' }),
    ]),
  )
  const parents = [
    claudeCodeRow(day, 'ada|vscode'),
    claudeCodeRow(day, 'ada|iterm', { terminal_type: 'iTerm.app' }),
    claudeCodeRow(day, 'bob|vscode', {
      actor_email: 'bob@example.com',
      customer_type: 'subscription',
      subscription_type: 'team',
    }),
  ]
  const models = [
    claudeCodeModelRow(day, 'ada|vscode', { input_tokens: 100 }),
    claudeCodeModelRow(day, 'ada|iterm', { input_tokens: 200, cache_creation_tokens: 10 }),
    claudeCodeModelRow(day, 'bob|vscode'),
  ]
  await wh.load(claudeCodeLoad('cc-1', day, parents, models))
}
