import { BigQuery } from '@google-cloud/bigquery'
import { describe, expect, it } from 'vitest'
import { isoMillis, toPlainRows } from './results.js'

/** Cells decoded by the client itself, as a query result would be (wrapIntegers on). */
function decoded(fields: { name: string; type: string }[], values: (string | null)[]) {
  const rows = [{ f: values.map((v) => ({ v })) }]
  return BigQuery.mergeSchemaWithRows_({ fields }, rows, { wrapIntegers: true }) as Record<
    string,
    unknown
  >[]
}

describe('toPlainRows (the client’s decoded cells as DuckDB-identical plain values)', () => {
  it('keeps INT64 exact: number when safe, else its digits', () => {
    const fields = [
      { name: 'a', type: 'INTEGER' },
      { name: 'b', type: 'INTEGER' },
    ]
    expect(toPlainRows(decoded(fields, ['42', '9007199254740993']))).toEqual([
      { a: 42, b: '9007199254740993' },
    ])
  })

  it('prints NUMERIC with its 9 decimals, as DuckDB prints DECIMAL(38,9)', () => {
    const fields = [
      { name: 'n', type: 'NUMERIC' },
      { name: 'm', type: 'NUMERIC' },
      { name: 'z', type: 'NUMERIC' },
    ]
    expect(
      toPlainRows(decoded(fields, ['1.25', '12345678901234567890.123456789', '-0.5'])),
    ).toEqual([{ n: '1.250000000', m: '12345678901234567890.123456789', z: '-0.500000000' }])
  })

  it('reads DATE as the day, TIMESTAMP as ISO with milliseconds, JSON as text', () => {
    const fields = [
      { name: 'd', type: 'DATE' },
      { name: 't', type: 'TIMESTAMP' },
      { name: 'j', type: 'JSON' },
      { name: 'x', type: 'STRING' },
    ]
    // The client reads TIMESTAMP as epoch microseconds (useInt64Timestamp).
    const rows = decoded(fields, ['2025-03-01', '1740808800123456', '{"a":1}', null])
    expect(toPlainRows(rows)).toEqual([
      { d: '2025-03-01', t: '2025-03-01T06:00:00.123456Z', j: '{"a":1}', x: null },
    ])
    expect(isoMillis('2025-03-01T06:00:00.120000000Z')).toBe('2025-03-01T06:00:00.120Z')
    expect(isoMillis('2025-03-01T06:00:00.000000000Z')).toBe('2025-03-01T06:00:00.000Z')
  })
})
