// BigQuery functions whose DuckDB spelling or argument order differs. Arguments arrive already
// translated; each entry returns DuckDB SQL. Functions not listed pass through unchanged: where
// DuckDB has no such function it fails, and the double answers invalidQuery (never a silent
// success). Known divergence: NUMERIC / NUMERIC is DOUBLE in DuckDB, NUMERIC in BigQuery.

import { unsupported } from './errors.js'

type Rewrite = (args: string[]) => string

/** BigQuery date parts DuckDB spells the same way. WEEK is Sunday-based in BigQuery and
 *  Monday-based in DuckDB, so it is refused instead of silently shifted. */
const DATE_PARTS = new Map([
  ['DAY', 'day'],
  ['MONTH', 'month'],
  ['QUARTER', 'quarter'],
  ['YEAR', 'year'],
  ['ISOWEEK', 'week'],
  ['ISOYEAR', 'isoyear'],
  ['HOUR', 'hour'],
  ['MINUTE', 'minute'],
  ['SECOND', 'second'],
  ['MILLISECOND', 'millisecond'],
  ['MICROSECOND', 'microsecond'],
])

function datePart(arg: string | undefined): string {
  const part = DATE_PARTS.get((arg ?? '').trim().toUpperCase())
  if (!part) throw unsupported(`date part ${arg ?? '(missing)'}`)
  return `'${part}'`
}

const at = (args: string[], i: number) => args[i] ?? 'NULL'

const FUNCTIONS: Record<string, Rewrite> = {
  SAFE_DIVIDE: (a) =>
    `(CASE WHEN (${at(a, 1)}) = 0 THEN NULL ELSE (${at(a, 0)}) / (${at(a, 1)}) END)`,
  DATE: (a) => (a.length === 3 ? `make_date(${a.join(', ')})` : `CAST(${at(a, 0)} AS DATE)`),
  DATE_TRUNC: (a) => `CAST(date_trunc(${datePart(a[1])}, ${at(a, 0)}) AS DATE)`,
  TIMESTAMP_TRUNC: (a) => `date_trunc(${datePart(a[1])}, ${at(a, 0)})`,
  DATE_DIFF: (a) => `date_diff(${datePart(a[2])}, ${at(a, 1)}, ${at(a, 0)})`,
  TIMESTAMP_DIFF: (a) => `date_diff(${datePart(a[2])}, ${at(a, 1)}, ${at(a, 0)})`,
  DATE_ADD: (a) => `CAST((${at(a, 0)}) + ${at(a, 1)} AS DATE)`,
  DATE_SUB: (a) => `CAST((${at(a, 0)}) - ${at(a, 1)} AS DATE)`,
  TIMESTAMP_ADD: (a) => `((${at(a, 0)}) + ${at(a, 1)})`,
  TIMESTAMP_SUB: (a) => `((${at(a, 0)}) - ${at(a, 1)})`,
  CURRENT_TIMESTAMP: () => 'current_timestamp',
  CURRENT_DATE: () => 'current_date',
  GENERATE_UUID: () => 'CAST(uuid() AS VARCHAR)',
  FORMAT_DATE: (a) => `strftime(${at(a, 1)}, ${at(a, 0)})`,
  FORMAT_TIMESTAMP: (a) => `strftime(${at(a, 1)}, ${at(a, 0)})`,
  PARSE_DATE: (a) => `CAST(strptime(${at(a, 1)}, ${at(a, 0)}) AS DATE)`,
  COUNTIF: (a) => `count_if(${at(a, 0)})`,
  LOGICAL_OR: (a) => `bool_or(${at(a, 0)})`,
  LOGICAL_AND: (a) => `bool_and(${at(a, 0)})`,
  TO_JSON_STRING: (a) => `CAST(to_json(${at(a, 0)}) AS VARCHAR)`,
  JSON_EXTRACT_SCALAR: (a) => `json_extract_string(${at(a, 0)}, ${at(a, 1)})`,
  GENERATE_DATE_ARRAY: (a) =>
    `CAST(generate_series(CAST(${at(a, 0)} AS TIMESTAMP), CAST(${at(a, 1)} AS TIMESTAMP), ` +
    `${a[2] ?? 'INTERVAL 1 DAY'}) AS DATE[])`,
}

/** DuckDB SQL for a call of `name` with translated `args`; undefined = leave the call as is. */
export function rewriteFunction(name: string, args: string[]): string | undefined {
  return FUNCTIONS[name]?.(args)
}

export const REWRITTEN_FUNCTIONS = Object.keys(FUNCTIONS)
