import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../core/clock.js'
import { createCapturingLogger } from '../../core/logger.js'
import type { Warehouse } from '../warehouse.js'
import { costLoad, costRow, workspaceRow, workspacesLoad } from '../../../test/contract/fixtures.js'
import { createDuckdbWarehouse, type DuckdbWarehouseOptions } from './index.js'

let dir = ''
const open: Warehouse[] = []
const fixedClock: Clock = {
  now: () => new Date('2025-03-02T06:00:00.000Z'),
  sleep: () => Promise.resolve(),
}

async function warehouse(options: DuckdbWarehouseOptions = {}, migrate = true): Promise<Warehouse> {
  const wh = await createDuckdbWarehouse({
    path: join(dir, 'nested', 'w.duckdb'),
    clock: fixedClock,
    ...options,
  })
  open.push(wh)
  if (migrate) expect((await wh.migrate()).error).toBeUndefined()
  return wh
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duckdb-warehouse-'))
})

afterEach(async () => {
  for (const wh of open.splice(0)) await wh.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('DuckDB warehouse', () => {
  it('creates the parent directory and declares its capabilities', async () => {
    const wh = await warehouse({}, false)
    expect(existsSync(join(dir, 'nested'))).toBe(true)
    expect(wh.capabilities).toMatchObject({
      dialect: 'duckdb',
      supportsTransactions: true,
      supportsTransactionalDdl: true,
      supportsMerge: false,
    })
  })

  it('stamps _load_id and _loaded_at from the record and the clock, and logs the commit', async () => {
    const logger = createCapturingLogger()
    const wh = await warehouse({ logger })
    await wh.load(costLoad('l1', '2025-03-01', '2025-03-01', [costRow('2025-03-01', 'a')]))
    const rows = await wh.query('SELECT _load_id, _loaded_at FROM anthropic_cost_report')
    expect(rows).toEqual([{ _load_id: 'l1', _loaded_at: '2025-03-02T06:00:00.000Z' }])
    expect(
      logger.entries.find((e) => e.event === 'warehouse.load.committed')?.fields,
    ).toMatchObject({
      loadId: 'l1',
    })
  })

  it('converts cells to column types: offsets applied, big integers kept exact', async () => {
    const wh = await warehouse()
    const row = { ...workspaceRow('w1', 'One'), created_at: '2025-01-01T02:00:00+02:00' }
    await wh.load(workspacesLoad('l1', [row]))
    const [ws] = await wh.query('SELECT created_at FROM anthropic_workspaces')
    expect(ws).toEqual({ created_at: '2025-01-01T00:00:00.000Z' })
    const [big] = await wh.query(
      "SELECT 9007199254740993::BIGINT AS big, 42::BIGINT AS small, DATE '2025-03-01' AS d",
    )
    expect(big).toEqual({ big: '9007199254740993', small: 42, d: '2025-03-01' })
  })

  it('refuses a value that does not fit its column, naming the column and not the value', async () => {
    const wh = await warehouse()
    const rows = [costRow('2025-03-01', 'a', { amount_usd: '0.0000000001' })]
    const error = await wh
      .load(costLoad('l1', '2025-03-01', '2025-03-01', rows))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'WAREHOUSE_LOAD',
      context: { table: 'anthropic_cost_report', field: 'amount_usd' },
    })
    expect(String((error as Error).message)).not.toContain('0.0000000001')
  })

  it('refuses unknown columns and rows outside a replace window', async () => {
    const wh = await warehouse()
    const unknown = costLoad('l1', '2025-03-01', '2025-03-01', [
      { ...costRow('2025-03-01', 'a'), typo_column: 1 },
    ])
    await expect(wh.load(unknown)).rejects.toMatchObject({
      code: 'WAREHOUSE_LOAD',
      context: { field: 'typo_column' },
    })
    const outside = costLoad('l2', '2025-03-01', '2025-03-01', [costRow('2025-03-05', 'a')])
    await expect(wh.load(outside)).rejects.toThrow(/outside the load window/)
  })

  it('serializes concurrent loads on the single writer', async () => {
    const wh = await warehouse()
    const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']
    await Promise.all(days.map((d, i) => wh.load(costLoad(`l${i}`, d, d, [costRow(d, 'a')], d))))
    const [row] = await wh.query<{ n: number }>('SELECT COUNT(*) AS n FROM anthropic_cost_report')
    expect(row?.n).toBe(4)
    expect(await wh.getCursor('anthropic', 'cost_report')).toBe('2025-03-04')
  })

  it('binds named query parameters', async () => {
    const wh = await warehouse()
    await wh.load(workspacesLoad('l1', [workspaceRow('w1', 'One'), workspaceRow('w2', 'Two')]))
    const rows = await wh.query('SELECT name FROM anthropic_workspaces WHERE id = $id', {
      params: { id: 'w2' },
    })
    expect(rows).toEqual([{ name: 'Two' }])
  })

  it('allows PRAGMA/DESCRIBE-style reads but not EXPLAIN ANALYZE or CHECKPOINT', async () => {
    const wh = await warehouse()
    expect((await wh.query('DESCRIBE anthropic_workspaces')).length).toBeGreaterThan(0)
    expect((await wh.query('EXPLAIN SELECT * FROM anthropic_workspaces')).length).toBeGreaterThan(0)
    await expect(
      wh.query('EXPLAIN ANALYZE DELETE FROM anthropic_workspaces'),
    ).rejects.toMatchObject({ code: 'WAREHOUSE_QUERY' })
    await expect(wh.query('CHECKPOINT')).rejects.toMatchObject({ code: 'WAREHOUSE_QUERY' })
    await expect(wh.query('   ')).rejects.toMatchObject({ code: 'WAREHOUSE_QUERY' })
  })

  it('opens read-only with DuckDB access_mode: reads work, writes are refused', async () => {
    const writer = await warehouse()
    await writer.load(workspacesLoad('l1', [workspaceRow('w1', 'One')]))
    await writer.close()
    const reader = await warehouse({ readOnly: true }, false)
    expect(await reader.query('SELECT id FROM anthropic_workspaces')).toEqual([{ id: 'w1' }])
    expect(await reader.getCursor('anthropic', 'workspaces')).toBeUndefined()
    await expect(reader.load(workspacesLoad('l2', []))).rejects.toMatchObject({
      code: 'WAREHOUSE_QUERY',
    })
    await expect(reader.migrate()).rejects.toThrow(/read-only/)
  })

  it('says to migrate first when a read-only file does not exist', async () => {
    const error = await createDuckdbWarehouse({
      path: join(dir, 'absent.duckdb'),
      readOnly: true,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'WAREHOUSE_QUERY' })
    expect(String((error as Error).message)).toContain('migrate')
  })

  it('refuses calls after close', async () => {
    const wh = await warehouse({}, false)
    await wh.close()
    await expect(wh.query('SELECT 1')).rejects.toThrow(/closed/)
  })
})
