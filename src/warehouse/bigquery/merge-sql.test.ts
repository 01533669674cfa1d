import { describe, expect, it } from 'vitest'
import type { FieldInfo } from './cells.js'
import { ParamBag } from './dialect.js'
import { applySql, type MergeGroup, type StagedLoad } from './merge-sql.js'
import { checkBigQuerySql } from './sql-check.js'

const FIELDS: FieldInfo[] = [
  { name: 'usage_date', type: 'DATE', mode: 'REQUIRED' },
  { name: 'line_key', type: 'STRING', mode: 'REQUIRED' },
  { name: 'workspace_id', type: 'STRING', mode: 'NULLABLE' },
  { name: 'amount_usd', type: 'NUMERIC', mode: 'REQUIRED' },
  { name: '_load_id', type: 'STRING', mode: 'REQUIRED' },
]

function group(overrides: Partial<MergeGroup>, loads: StagedLoad[]): MergeGroup {
  return {
    table: 'anthropic_cost_report',
    targetPath: '`p.ds.anthropic_cost_report`',
    stagingPath: '`p.ds._staging_ab_anthropic_cost_report`',
    disposition: 'replace_window',
    primaryKey: ['usage_date', 'line_key'],
    windowColumn: 'usage_date',
    fields: FIELDS,
    partitionField: 'usage_date',
    loads,
    ...overrides,
  }
}

const load = (seq: number, from: string, to: string, rows = 3): StagedLoad => ({
  seq,
  rows,
  window: { from, to },
  days: [],
})

/** The parameter values in the order they appear in the SQL. */
function valuesIn(sql: string, bag: ParamBag): unknown[] {
  return [...sql.matchAll(/@(p\d+)/g)].map((m) => {
    const value = bag.values[m[1]!]
    return typeof value === 'object' && value !== null && 'value' in value ? value.value : value
  })
}

describe('applySql (one statement per table per flush)', () => {
  it('replace_window: one MERGE deleting unmatched rows of the staged windows only', () => {
    const bag = new ParamBag()
    const sql = applySql(group({}, [load(1, '2025-01-01', '2025-01-31')]), bag)!
    expect(checkBigQuerySql(sql)).toEqual({ ok: true })
    expect(sql).toMatch(/^MERGE `p.ds.anthropic_cost_report` AS T/)
    expect(sql).toContain('ON T.`usage_date` = S.`usage_date` AND T.`line_key` = S.`line_key` AND')
    expect(sql).toMatch(
      /WHEN NOT MATCHED BY SOURCE AND T\.`usage_date` BETWEEN @p\d+ AND @p\d+ THEN DELETE/,
    )
    expect(sql).toContain('UPDATE SET `workspace_id` = S.`workspace_id`')
    expect(sql).toContain('QUALIFY ROW_NUMBER() OVER (PARTITION BY `usage_date`, `line_key`')
    // Days and load numbers are typed parameters, never SQL text.
    expect(new Set(Object.values(bag.types))).toEqual(new Set(['DATE', 'INT64']))
    expect(sql).not.toContain('2025-01')
  })

  it('coalesces contiguous chunk windows into one partition range', () => {
    const bag = new ParamBag()
    const loads = [1, 2, 3].map((i) =>
      load(i, `2025-0${i}-01`, i === 2 ? '2025-02-28' : `2025-0${i}-31`),
    )
    const sql = applySql(group({}, loads), bag)!
    const deleteBranch = sql.split('\n').find((l) => l.includes('THEN DELETE'))!
    expect(valuesIn(deleteBranch, bag)).toEqual(['2025-01-01', '2025-03-31'])
  })

  it('counts a load only on the days no later load of the flush re-read', () => {
    const bag = new ParamBag()
    const sql = applySql(
      group({}, [load(1, '2025-01-01', '2025-01-05'), load(2, '2025-01-03', '2025-01-07')]),
      bag,
    )!
    const source = sql.split('\n').find((l) => l.startsWith('USING'))!
    expect(valuesIn(source, bag)).toEqual([
      1,
      '2025-01-01',
      '2025-01-02',
      2,
      '2025-01-03',
      '2025-01-07',
    ])
  })

  it('replace_window with no rows still deletes its window (the vendor reports nothing now)', () => {
    const sql = applySql(group({}, [load(1, '2025-01-01', '2025-01-01', 0)]), new ParamBag())!
    expect(sql).toContain('WHERE FALSE')
    expect(sql).toContain('THEN DELETE')
  })

  it('merge: null-safe on nullable key parts, no DELETE, no partition filter off the key', () => {
    const merge = group(
      { disposition: 'merge', primaryKey: ['line_key', 'workspace_id'], windowColumn: undefined },
      [{ seq: 4, rows: 2, days: ['2025-01-01'] }],
    )
    const sql = applySql(merge, new ParamBag())!
    expect(checkBigQuerySql(sql)).toEqual({ ok: true })
    expect(sql).toContain('T.`workspace_id` IS NOT DISTINCT FROM S.`workspace_id`')
    expect(sql).not.toContain('DELETE')
    expect(sql).not.toContain('T.`usage_date` BETWEEN')
  })

  it('merge on a key holding the partition column filters ON by the staged days', () => {
    const bag = new ParamBag()
    const merge = group({ disposition: 'merge', windowColumn: undefined }, [
      { seq: 1, rows: 2, days: ['2025-01-02', '2025-01-01', '2025-01-09'] },
    ])
    const sql = applySql(merge, bag)!
    const on = sql.split('\n').find((l) => l.startsWith('ON '))!
    expect(valuesIn(on, bag)).toEqual(['2025-01-01', '2025-01-02', '2025-01-09', '2025-01-09'])
  })

  it('append: one INSERT … SELECT of the flush’s loads; nothing when no rows', () => {
    const bag = new ParamBag()
    const append = group({ disposition: 'append', primaryKey: [] }, [
      load(1, 'x', 'x'),
      load(2, 'y', 'y'),
    ])
    const sql = applySql(append, bag)!
    expect(checkBigQuerySql(sql)).toEqual({ ok: true })
    expect(sql).toMatch(/^INSERT INTO `p.ds.anthropic_cost_report` \(/)
    expect(bag.values.p0).toEqual([1, 2])
    expect(applySql({ ...append, loads: [load(1, 'x', 'x', 0)] }, new ParamBag())).toBeUndefined()
  })

  it('keyless replace_window matches nothing and replaces the window whole', () => {
    const sql = applySql(
      group({ primaryKey: [] }, [load(1, '2025-01-01', '2025-01-02')]),
      new ParamBag(),
    )!
    expect(sql).toContain('ON FALSE')
    expect(sql).not.toContain('WHEN MATCHED')
    expect(sql).not.toContain('QUALIFY')
  })
})
