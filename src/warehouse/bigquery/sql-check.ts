// Offline syntax check of BigQuery SQL (migrations, views, generated MERGEs) with
// sql-parser-cst's `bigquery` dialect: no BigQuery is reachable from CI, and a syntax error
// found here is one not found on the first production deploy. Placeholders (`{{dataset}}`,
// `{{partition_expiration_days}}`, see sql/bigquery/README.md) are replaced by sample values
// first; a placeholder without a value is itself an error. Syntax only: names, types and
// OPTIONS keys are not resolved (the BigQuery test double executes the SQL for that).

import { parse } from 'sql-parser-cst'

export type SqlCheckResult = { ok: true } | { ok: false; error: string }

/** Sample values that make every file in sql/bigquery parse as real BigQuery would see it. */
export const SAMPLE_PLACEHOLDERS: Readonly<Record<string, string>> = Object.freeze({
  dataset: 'sample-project.sample_dataset',
  partition_expiration_days: '400',
})

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi

/** `{{name}}` → values[name]; throws on a placeholder that has no value. */
export function substitutePlaceholders(sql: string, values: Readonly<Record<string, string>>) {
  return sql.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`unknown placeholder {{${name}}}`)
    return value
  })
}

/**
 * Parses `sql` (one statement or a script) as BigQuery Standard SQL.
 * @example checkBigQuerySql('SELECT 1') // { ok: true }
 */
export function checkBigQuerySql(
  sql: string,
  placeholders: Readonly<Record<string, string>> = SAMPLE_PLACEHOLDERS,
): SqlCheckResult {
  try {
    const text = substitutePlaceholders(sql, placeholders)
    if (text.trim() === '') return { ok: false, error: 'empty SQL' }
    parse(text, { dialect: 'bigquery', paramTypes: ['@name', '?'] })
    return { ok: true }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
