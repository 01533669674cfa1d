import { describe, expect, it } from 'vitest'
import { callerParams, ParamBag, quoteIdent, tablePath, toBigQueryParamSql } from './dialect.js'

describe('BigQuery dialect helpers', () => {
  it('rewrites $name to @name in code only', () => {
    const sql = "SELECT '$kept', `$also`, x -- $comment\nFROM t WHERE d BETWEEN $from AND $to"
    expect(toBigQueryParamSql(sql)).toBe(
      "SELECT '$kept', `$also`, x -- $comment\nFROM t WHERE d BETWEEN @from AND @to",
    )
  })

  it('types caller parameters, NULL as STRING', () => {
    expect(callerParams({ params: { a: 'x', b: 2, c: 1.5, d: true, e: null } })).toEqual({
      values: { a: 'x', b: 2, c: 1.5, d: true, e: null },
      types: { a: 'STRING', b: 'INT64', c: 'FLOAT64', d: 'BOOL', e: 'STRING' },
    })
  })

  it('quotes a fully qualified path in one backtick pair (project ids hold hyphens)', () => {
    expect(tablePath({ projectId: 'acme-prod', datasetId: 'ai' }, 'cost')).toBe(
      '`acme-prod.ai.cost`',
    )
    expect(quoteIdent('a`b')).toBe('`a\\`b`')
  })

  it('hands the client DATE and TIMESTAMP parameters as { value } objects', () => {
    const bag = new ParamBag()
    expect(bag.add('2025-01-01', 'DATE')).toBe('@p0')
    bag.add(['2025-01-01'], ['DATE'])
    bag.add(null, 'TIMESTAMP')
    bag.add([1, 2], ['INT64'])
    expect(bag.values).toEqual({
      p0: { value: '2025-01-01' },
      p1: [{ value: '2025-01-01' }],
      p2: null,
      p3: [1, 2],
    })
  })
})
