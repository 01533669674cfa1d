// Read-only SQL that comments, CTEs or stacked statements cannot sneak a write through. We do
// not scan the text: DuckDB itself splits it (exactly one statement allowed) and prepares it,
// and the prepared statement's type must be SELECT or EXPLAIN (PRAGMA/SHOW/DESCRIBE prepare as
// SELECT). As a second wall it runs inside `BEGIN TRANSACTION READ ONLY`, which also stops
// EXPLAIN ANALYZE from executing a write, on a fresh connection closed afterwards.

import { StatementType, type DuckDBInstance } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import type { QueryOptions } from '../warehouse.js'
import { leadingWords } from '../sql-split.js'
import { callDuckdb } from './errors.js'
import { toPlainRows, type PlainValue } from './results.js'

const READ_ONLY_TYPES = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN])

/** Runs one read-only statement on its own connection and returns plain rows. */
export async function runReadOnlyQuery(
  instance: DuckDBInstance,
  sql: string,
  options: QueryOptions = {},
): Promise<Record<string, PlainValue>[]> {
  const conn = await callDuckdb({ op: 'query' }, () => instance.connect())
  try {
    return await callDuckdb({ op: 'query' }, async () => {
      const extracted = await conn.extractStatements(sql)
      if (extracted.count !== 1) throw rejected(`it holds ${extracted.count} statements, not 1`)
      await conn.run('BEGIN TRANSACTION READ ONLY')
      const prepared = await extracted.prepare(0)
      if (!READ_ONLY_TYPES.has(prepared.statementType)) {
        throw rejected(`its statement type is ${StatementType[prepared.statementType]}`)
      }
      if (prepared.statementType === StatementType.EXPLAIN && explainsAnalyze(sql)) {
        throw rejected('EXPLAIN ANALYZE executes the statement')
      }
      if (options.params) prepared.bind(options.params)
      return toPlainRows(await prepared.runAndReadAll())
    })
  } finally {
    await conn.run('ROLLBACK').catch(() => undefined)
    conn.closeSync()
  }
}

function explainsAnalyze(sql: string): boolean {
  return /^ANALY[SZ]E$/.test(leadingWords(sql, 2)[1] ?? '')
}

function rejected(why: string): PipelineError {
  return new PipelineError(
    'WAREHOUSE_QUERY',
    `Only a single read-only SELECT or EXPLAIN is allowed here; ${why}.`,
    { context: { readOnly: true } },
  )
}
