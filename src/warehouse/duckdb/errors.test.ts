import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import { callDuckdb, classifyDuckdbError } from './errors.js'

async function duckdbError(...sql: string[]): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    for (const s of sql) await conn.run(s)
    return undefined
  } catch (error) {
    return error
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

describe('classifyDuckdbError', () => {
  it('masks key values in constraint errors and classifies loads as WAREHOUSE_LOAD', async () => {
    const raw = await duckdbError(
      'CREATE TABLE t (k VARCHAR PRIMARY KEY)',
      "INSERT INTO t VALUES ('alice@example.com'), ('alice@example.com')",
    )
    expect(String(raw)).toContain('alice@example.com') // the driver does leak it…
    const error = classifyDuckdbError(raw, { op: 'load', table: 't', loadId: 'l1' })
    expect(error.code).toBe('WAREHOUSE_LOAD')
    expect(error.retryable).toBe(false)
    expect(error.context).toMatchObject({ table: 't', loadId: 'l1', driverError: 'Constraint' })
    for (const text of [error.message, String((error.cause as Error).message)]) {
      expect(text).not.toContain('alice') // …we do not
    }
  })

  it('masks string values in conversion errors and keeps only the first line', async () => {
    const raw = await duckdbError("SELECT CAST('secret-ish' AS INTEGER)")
    const error = classifyDuckdbError(raw, { op: 'query' })
    expect(error.code).toBe('WAREHOUSE_QUERY')
    expect(error.message).not.toContain('secret-ish')
    expect(error.message).not.toContain('LINE 1')
    expect(error.message).toContain('Conversion Error')
  })

  it('keeps identifiers in catalog errors and says how to fix them', async () => {
    const error = classifyDuckdbError(await duckdbError('SELECT * FROM missing_table'), {
      op: 'query',
    })
    expect(error.message).toContain('missing_table')
    expect(error.message).toContain('migrate')
  })

  it('marks lock conflicts retryable', () => {
    const raw = new Error(
      'IO Error: Could not set lock on file "/x.duckdb": Conflicting lock is held',
    )
    expect(classifyDuckdbError(raw, { op: 'open' }).retryable).toBe(true)
  })

  it('passes a PipelineError through, adding the table', async () => {
    const inner = new PipelineError('WAREHOUSE_LOAD', 'bad row')
    const error = await callDuckdb({ op: 'load', table: 'x' }, () => Promise.reject(inner)).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      code: 'WAREHOUSE_LOAD',
      message: 'bad row',
      context: { table: 'x' },
    })
  })
})
