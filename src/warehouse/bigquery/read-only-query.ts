// Read-only SQL on BigQuery. No text scanning: BigQuery itself parses the statement in a dry
// run (free, nothing executes) and reports its statementType; only a single SELECT runs.
// A script (`SELECT 1; DROP …`) reports SCRIPT and a CTE in front of DML reports the DML's
// type, so comments, CTEs and stacked statements cannot sneak a write through.

import { PipelineError } from '../../core/errors.js'
import type { QueryOptions } from '../warehouse.js'
import { callerParams, toBigQueryParamSql } from './dialect.js'
import type { PlainRow } from './results.js'
import type { BigQuerySession } from './session.js'

export async function runReadOnlyQuery(
  session: BigQuerySession,
  sql: string,
  options: QueryOptions = {},
): Promise<PlainRow[]> {
  const text = toBigQueryParamSql(sql)
  const params = callerParams(options)
  const type = await session.statementType(text, { op: 'query' }, params)
  if (type !== 'SELECT') {
    throw new PipelineError(
      'WAREHOUSE_QUERY',
      `Only a single read-only SELECT is allowed here; its statement type is ${type || 'unknown'}.`,
      { context: { readOnly: true } },
    )
  }
  return session.select(text, { op: 'query' }, params)
}
