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

  it('replace_window deletes the window by its column, then inserts', () => {
    const load: TableLoad = {
      ...base,
      disposition: 'replace_window',
      window: { from: '2025-01-01', to: '2025-01-02', column: 'day' },
    }
    expect(dispositionSql(load, ['day'])).toEqual([
      'DELETE FROM main."events" WHERE "day" BETWEEN $from AND $to',
      'INSERT INTO main."events" ("day") SELECT "day" FROM "_stg_events"',
    ])
  })

  it('merge deletes rows whose key matches a staged row null-safely, then inserts', () => {
    const [del] = dispositionSql({ ...base, disposition: 'merge' }, ['day', 'id'])
    expect(del).toBe(
      'DELETE FROM main."events" AS t USING "_stg_events" AS s WHERE t."day" IS NOT DISTINCT FROM s."day" AND t."id" IS NOT DISTINCT FROM s."id"',
    )
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
