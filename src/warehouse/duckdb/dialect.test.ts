import { describe, expect, it } from 'vitest'
import type { TableLoad } from '../warehouse.js'
import { dispositionSql, duplicateKeySql, quoteIdent, toColumnInfo } from './dialect.js'

const base: TableLoad = {
  table: 'events',
  disposition: 'append',
  primaryKey: ['day', 'id'],
  rows: [],
}

describe('dispositionSql', () => {
  it('append only inserts the staged rows', () => {
    expect(dispositionSql(base, ['day', 'id'])).toEqual([
      'INSERT INTO main."events" ("day", "id") SELECT "day", "id" FROM "_stg_events"',
    ])
  })

  it('replace_window deletes window rows absent from the batch, updates matches, inserts the rest', () => {
    const load: TableLoad = {
      ...base,
      disposition: 'replace_window',
      window: { from: '2025-01-01', to: '2025-01-02', column: 'day' },
    }
    const match = 't."day" IS NOT DISTINCT FROM s."day" AND t."id" IS NOT DISTINCT FROM s."id"'
    expect(dispositionSql(load, ['day', 'id', 'v'])).toEqual([
      `DELETE FROM main."events" AS t WHERE t."day" BETWEEN $from AND $to AND NOT EXISTS (SELECT 1 FROM "_stg_events" AS s WHERE ${match})`,
      `UPDATE main."events" AS t SET "v" = s."v" FROM "_stg_events" AS s WHERE ${match}`,
      `INSERT INTO main."events" ("day", "id", "v") SELECT "day", "id", "v" FROM "_stg_events" AS s WHERE NOT EXISTS (SELECT 1 FROM main."events" AS t WHERE ${match})`,
    ])
  })

  it('replace_window without a key deletes the whole window, then inserts', () => {
    const load: TableLoad = {
      ...base,
      primaryKey: [],
      disposition: 'replace_window',
      window: { from: '2025-01-01', to: '2025-01-02', column: 'day' },
    }
    expect(dispositionSql(load, ['day'])).toEqual([
      'DELETE FROM main."events" AS t WHERE t."day" BETWEEN $from AND $to',
      'INSERT INTO main."events" ("day") SELECT "day" FROM "_stg_events"',
    ])
  })

  it('merge never deletes: it updates null-safe key matches and inserts the rest', () => {
    const sql = dispositionSql({ ...base, disposition: 'merge' }, ['day', 'id', 'v'])
    expect(sql).toHaveLength(2)
    expect(sql[0]).toMatch(/^UPDATE .* IS NOT DISTINCT FROM /)
    expect(sql[1]).toMatch(/^INSERT .* WHERE NOT EXISTS/)
  })

  it('merge of a table made only of key columns just inserts the new keys', () => {
    expect(dispositionSql({ ...base, disposition: 'merge' }, ['day', 'id'])).toHaveLength(1)
  })

  it('finds duplicate keys by grouping on every key column', () => {
    expect(duplicateKeySql('events', ['day', 'id'])).toBe(
      'SELECT 1 FROM "_stg_events" GROUP BY "day", "id" HAVING count(*) > 1 LIMIT 1',
    )
  })
})

describe('quoteIdent and toColumnInfo', () => {
  it('doubles embedded quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"')
  })

  it('maps DuckDB types to conversion kinds, with decimal width and scale', () => {
    expect(toColumnInfo('amount', 'DECIMAL(38,9)')).toEqual({
      name: 'amount',
      kind: 'decimal',
      type: 'DECIMAL(38,9)',
      width: 38,
      scale: 9,
    })
    expect(toColumnInfo('d', 'DATE').kind).toBe('date')
    expect(toColumnInfo('t', 'TIMESTAMP').kind).toBe('timestamp')
    expect(toColumnInfo('j', 'JSON').kind).toBe('json')
    expect(toColumnInfo('n', 'BIGINT').kind).toBe('bigint')
    expect(toColumnInfo('i', 'INTEGER').kind).toBe('integer')
    expect(toColumnInfo('l', 'VARCHAR[]').kind).toBe('other')
  })
})
