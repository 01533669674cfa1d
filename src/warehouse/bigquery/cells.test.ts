import { describe, expect, it } from 'vitest'
import type { PipelineError } from '../../core/errors.js'
import { cellWriter, type FieldInfo } from './cells.js'

const write = (type: string, cell: string | number | bigint | boolean) =>
  cellWriter({ name: 'c', type } satisfies FieldInfo, 't')(cell)

function misfit(type: string, cell: string | number | bigint | boolean): PipelineError {
  try {
    write(type, cell)
  } catch (error) {
    return error as PipelineError
  }
  throw new Error(`${String(cell)} fitted ${type}`)
}

describe('cellWriter (NDJSON values for a load job)', () => {
  it('writes NUMERIC as exact decimal text, normalising exponents and trailing zeros', () => {
    expect(write('NUMERIC', '12345678901234567890.123456789')).toBe(
      '"12345678901234567890.123456789"',
    )
    expect(write('NUMERIC', '1.2500000000')).toBe('"1.25"')
    expect(write('NUMERIC', '1e-7')).toBe('"0.0000001"')
    expect(write('NUMERIC', '-0.5')).toBe('"-0.5"')
    expect(write('NUMERIC', 3n)).toBe('"3"')
  })

  it('refuses a NUMERIC that would lose a digit or overflow, naming the column but no value', () => {
    const error = misfit('NUMERIC', '0.0000000001')
    expect(error.code).toBe('WAREHOUSE_LOAD')
    expect(error.message).toContain('Column c of t')
    expect(error.message).not.toContain('0.0000000001')
    expect(misfit('NUMERIC', '1'.repeat(30)).message).toContain('too large')
  })

  it('writes INT64 as exact digits, also beyond 2^53', () => {
    expect(write('INTEGER', 9007199254740993n)).toBe('9007199254740993')
    expect(write('INT64', '42')).toBe('42')
    expect(misfit('INTEGER', 1.5).code).toBe('WAREHOUSE_LOAD')
  })

  it('turns ISO timestamps with any offset into UTC microseconds', () => {
    expect(write('TIMESTAMP', '2025-03-01T06:00:00Z')).toBe('"2025-03-01T06:00:00.000000Z"')
    expect(write('TIMESTAMP', '2025-03-01T08:30:00.123456789+02:30')).toBe(
      '"2025-03-01T06:00:00.123456Z"',
    )
    expect(misfit('TIMESTAMP', '2025-02-30T00:00:00Z').code).toBe('WAREHOUSE_LOAD')
  })

  it('gives a JSON column the document itself, numbers kept exact', () => {
    expect(write('JSON', '{ "a": 12345678901234567890.5,\n "b": [1, null] }')).toBe(
      '{"a":12345678901234567890.5,"b":[1,null]}',
    )
    expect(misfit('JSON', '{not json').code).toBe('WAREHOUSE_LOAD')
  })

  it('checks days and booleans', () => {
    expect(write('DATE', '2025-03-01')).toBe('"2025-03-01"')
    expect(misfit('DATE', '2025-3-1').code).toBe('WAREHOUSE_LOAD')
    expect(write('BOOLEAN', 'true')).toBe('true')
    expect(write('STRING', 7)).toBe('"7"')
  })
})
