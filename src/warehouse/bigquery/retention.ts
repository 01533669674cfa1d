// Retention is a partition expiration from config, not a migration: every `migrate` re-applies
// it with ALTER TABLE … SET OPTIONS, so changing `retentionDays` needs no new migration file.
// The tables it applies to are the ones whose migration opts in by writing the
// `{{partition_expiration_days}}` placeholder (audit tables such as _ingest_loads never do).

import type { SqlFile } from '../migration-files.js'
import type { BigQuerySession } from './session.js'

const PLACEHOLDER = /\{\{\s*partition_expiration_days\s*\}\}/
const TABLE = /`\{\{\s*dataset\s*\}\}\.([A-Za-z_][A-Za-z0-9_]*)`/

/** Tables whose migrations set the retention placeholder, in file order, each once. */
export function retentionTables(migrations: readonly SqlFile[]): string[] {
  const tables: string[] = []
  for (const statement of migrations.flatMap((m) => m.statements)) {
    const table = TABLE.exec(statement)?.[1]
    if (table && PLACEHOLDER.test(statement) && !tables.includes(table)) tables.push(table)
  }
  return tables
}

/** `partition_expiration_days` for the config: days, or NULL (keep forever). */
export function expirationValue(retentionDays: number | undefined): string {
  return retentionDays === undefined ? 'NULL' : String(retentionDays)
}

export function retentionSql(
  session: BigQuerySession,
  tables: readonly string[],
  retentionDays: number | undefined,
): string[] {
  const days = expirationValue(retentionDays)
  return tables.map(
    (t) => `ALTER TABLE ${session.path(t)} SET OPTIONS (partition_expiration_days = ${days})`,
  )
}
