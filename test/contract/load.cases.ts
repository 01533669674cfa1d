// Contract cases for loads: idempotent replace_window, window isolation, merge upserts,
// atomic multi-table units of work, cursor + record committed with the data, a crash before
// commit, exact decimals, and the run/load bookkeeping.

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
  loadRecord,
  workspaceRow,
  workspacesLoad,
} from './fixtures.js'

const COST_ROWS =
  'SELECT usage_date, line_key, amount_usd FROM anthropic_cost_report ORDER BY usage_date, line_key'

async function count(wh: Warehouse, table: string): Promise<number> {
  const [row] = await wh.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)
  return Number(row?.n)
}

export function defineLoadCases(h: ContractHarness): void {
  it('replace_window loaded twice leaves the same rows (idempotent)', async () => {
    const wh = await h.open()
    const rows = [
      costRow('2025-03-01', 'a'),
      costRow('2025-03-02', 'a'),
      costRow('2025-03-02', 'b'),
    ]
    const first = await wh.load(costLoad('l1', '2025-03-01', '2025-03-02', rows))
    const after1 = await wh.query(COST_ROWS)
    await wh.load(costLoad('l2', '2025-03-01', '2025-03-02', rows))
    expect(await wh.query(COST_ROWS)).toEqual(after1)
    expect(after1).toHaveLength(3)
    expect(first.rowsWritten).toEqual({ anthropic_cost_report: 3 })
    expect(first.tableModifications).toBe(1)
  })

  it('replace_window replaces only the days of its window', async () => {
    const wh = await h.open()
    const days = ['2025-03-01', '2025-03-02', '2025-03-03']
    await wh.load(
      costLoad(
        'l1',
        days[0]!,
        days[2]!,
        days.map((d) => costRow(d, 'old')),
      ),
    )
    await wh.load(
      costLoad('l2', days[1]!, days[1]!, [costRow(days[1]!, 'new', { amount_usd: '5' })]),
    )
    const rows = await wh.query<{ usage_date: string; line_key: string }>(COST_ROWS)
    expect(rows.map((r) => `${r.usage_date}/${r.line_key}`)).toEqual([
      '2025-03-01/old',
      '2025-03-02/new',
      '2025-03-03/old',
    ])
  })

  it('merge upserts on the primary key and never deletes rows absent from the batch', async () => {
    const wh = await h.open()
    await wh.load(workspacesLoad('l1', [workspaceRow('w1', 'One'), workspaceRow('w2', 'Two')]))
    await wh.load(
      workspacesLoad('l2', [workspaceRow('w2', 'Two renamed'), workspaceRow('w3', 'Three')]),
    )
    const rows = await wh.query('SELECT id, name FROM anthropic_workspaces ORDER BY id')
    expect(rows).toEqual([
      { id: 'w1', name: 'One' },
      { id: 'w2', name: 'Two renamed' },
      { id: 'w3', name: 'Three' },
    ])
  })

  it('merge matches NULL key parts null-safely instead of adding a second row', async () => {
    const wh = await h.open()
    const merge = (loadId: string, amount: string) => {
      const request = costLoad(loadId, '2025-03-01', '2025-03-01', [
        costRow('2025-03-01', 'a', { amount_usd: amount }),
      ])
      request.tables = [
        {
          ...request.tables[0]!,
          disposition: 'merge',
          primaryKey: ['usage_date', 'line_key', 'workspace_id'],
        },
      ]
      return wh.load(request)
    }
    await merge('l1', '1')
    await merge('l2', '2')
    const rows = await wh.query<{ amount_usd: string }>(COST_ROWS)
    expect(rows.map((r) => dollars(r.amount_usd))).toEqual([dollars('2')])
  })

  it('commits a multi-table load atomically: a failing child table leaves no parent rows', async () => {
    const wh = await h.open()
    const day = '2025-03-01'
    const bad = claudeCodeModelRow(day, 'ada', { model: null }) // model is NOT NULL
    const request = claudeCodeLoad('l1', day, [claudeCodeRow(day, 'ada')], [bad])
    await expect(wh.load(request)).rejects.toMatchObject({ code: 'WAREHOUSE_LOAD' })
    expect(await count(wh, 'anthropic_claude_code')).toBe(0)
    expect(await count(wh, 'anthropic_claude_code_models')).toBe(0)
    expect(await wh.getCursor('anthropic', 'claude_code')).toBeUndefined()
    expect(await count(wh, '_ingest_loads')).toBe(0)
  })

  it('rejects duplicate primary keys in one batch, naming table and key columns but no values', async () => {
    const wh = await h.open()
    const rows = [
      costRow('2025-03-01', 'secret-key-value'),
      costRow('2025-03-01', 'secret-key-value'),
    ]
    const error = await wh
      .load(costLoad('l1', '2025-03-01', '2025-03-01', rows))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).code).toBe('WAREHOUSE_LOAD')
    expect((error as PipelineError).message).toContain('anthropic_cost_report')
    expect((error as PipelineError).message).toContain('line_key')
    expect((error as PipelineError).message).not.toContain('secret-key-value')
    expect(await count(wh, 'anthropic_cost_report')).toBe(0)
  })

  it('commits the cursor and the load record with the data', async () => {
    const wh = await h.open()
    await wh.load(
      costLoad('l1', '2025-03-01', '2025-03-01', [costRow('2025-03-01', 'a')], '2025-03-01'),
    )
    expect(await wh.getCursor('anthropic', 'cost_report')).toBe('2025-03-01')
    const [state] = await wh.listStates()
    expect(state).toMatchObject({
      vendor: 'anthropic',
      resource: 'cost_report',
      cursor: '2025-03-01',
      lastLoadId: 'l1',
    })
    const loads = await wh.query(
      'SELECT load_id, status, row_count, window_from, window_to FROM _ingest_loads',
    )
    expect(loads).toEqual([
      {
        load_id: 'l1',
        status: 'succeeded',
        row_count: 1,
        window_from: '2025-03-01',
        window_to: '2025-03-01',
      },
    ])
    const [loaded] = await wh.query<{ _load_id: string }>(
      'SELECT _load_id FROM anthropic_cost_report',
    )
    expect(loaded?._load_id).toBe('l1')
  })

  it('a crash just before commit leaves neither data nor cursor nor load record', async () => {
    let armed = false
    const faults = {
      beforeCommit: () => {
        if (armed) throw new Error('simulated crash between staging and commit')
      },
    }
    const wh = await h.open({ faults })
    const day1 = '2025-03-01'
    await wh.load(costLoad('l1', day1, day1, [costRow(day1, 'a')], day1))
    const before = await wh.query(COST_ROWS)
    armed = true
    const changed = [costRow(day1, 'a', { amount_usd: '9' }), costRow(day1, 'b')]
    await expect(
      wh.load(costLoad('l2', day1, '2025-03-02', changed, '2025-03-02')),
    ).rejects.toThrow()
    expect(await wh.query(COST_ROWS)).toEqual(before)
    expect(await wh.getCursor('anthropic', 'cost_report')).toBe(day1)
    expect(await wh.query('SELECT load_id FROM _ingest_loads ORDER BY load_id')).toEqual([
      { load_id: 'l1' },
    ])
  })

  it('round-trips DECIMAL money exactly', async () => {
    const wh = await h.open()
    const amounts = ['0.000000001', '12345678901234567890.123456789', '-0.5', '83391.52823']
    const rows = amounts.map((a, i) => costRow('2025-03-01', `k${i}`, { amount_usd: a }))
    await wh.load(costLoad('l1', '2025-03-01', '2025-03-01', rows))
    const back = await wh.query<{ amount_usd: string }>(COST_ROWS)
    expect(back.map((r) => typeof r.amount_usd)).toEqual(amounts.map(() => 'string'))
    expect(back.map((r) => dollars(r.amount_usd))).toEqual(amounts.map((a) => dollars(a)))
    const [total] = await wh.query<{ s: string }>(
      'SELECT SUM(amount_usd) AS s FROM anthropic_cost_report',
    )
    expect(dollars(String(total?.s))).toBe(sum(amounts.map((a) => dollars(a))))
  })

  it('saves and reads back runs, and records failed loads on their own', async () => {
    const wh = await h.open()
    const run = {
      runId: 'run-9',
      trigger: 'cli',
      startedAt: '2025-03-02T06:00:00.000Z',
      status: 'running' as const,
    }
    await wh.saveRun(run)
    expect(await wh.getRun('run-9')).toEqual(run)
    const done = {
      ...run,
      status: 'partial' as const,
      finishedAt: '2025-03-02T06:05:00.000Z',
      window: { from: '2025-03-01', to: '2025-03-01' },
      summary: '1 failed',
    }
    await wh.saveRun(done)
    expect(await wh.getRun('run-9')).toEqual(done)
    expect(await wh.getRun('nope')).toBeUndefined()
    await wh.recordLoad(
      loadRecord('f1', { runId: 'run-9', status: 'failed', error: 'HTTP 500 from cost_report' }),
    )
    const [row] = await wh.query<Record<string, unknown>>('SELECT * FROM pipeline_runs')
    expect(row).toMatchObject({
      run_id: 'run-9',
      status: 'failed',
      error: 'HTTP 500 from cost_report',
      loads: 1,
      trigger: 'cli',
      run_status: 'partial',
    })
  })
}
