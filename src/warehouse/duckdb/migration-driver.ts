// DuckDB's side of the engine-neutral migrator: the ledger table and transactions on the
// write connection. DuckDB runs DDL inside transactions, so a migration and its ledger row
// commit together. The caller holds the write queue for the whole migrate (that is the lock).

import type { DuckDBConnection } from '@duckdb/node-api'
import type { LedgerEntry, MigrationDriver, MigrationSession } from '../migrator.js'
import { DUCKDB_CAPABILITIES } from './dialect.js'
import { timestampParam } from './bookkeeping.js'
import { callDuckdb } from './errors.js'
import { textOf } from './results.js'
import { execSql, selectSql } from './session.js'

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS _ingest_migrations (
  name        VARCHAR   NOT NULL PRIMARY KEY,
  checksum    VARCHAR   NOT NULL,
  applied_at  TIMESTAMP NOT NULL
)`

const LEDGER_EXISTS =
  'SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() ' +
  "AND schema_name = 'main' AND table_name = '_ingest_migrations'"

export function createDuckdbMigrationDriver(conn: DuckDBConnection): MigrationDriver {
  const session = sessionOn(conn)
  return {
    ...session,
    capabilities: DUCKDB_CAPABILITIES,
    ensureLedger: async () => {
      await execSql(conn, { op: 'migrate', table: '_ingest_migrations' }, LEDGER_DDL)
    },
    readLedger: () => readLedger(conn),
    transaction: (fn) => inTransaction(conn, () => fn(session)),
  }
}

function sessionOn(conn: DuckDBConnection): MigrationSession {
  return {
    execute: async (sql) => {
      await execSql(conn, { op: 'migrate' }, sql)
    },
    recordMigration: async (entry) => {
      const sql = 'INSERT INTO _ingest_migrations VALUES ($name, $checksum, $appliedAt)'
      const params = {
        name: entry.name,
        checksum: entry.checksum,
        appliedAt: timestampParam(entry.appliedAt, 'appliedAt'),
      }
      await execSql(conn, { op: 'migrate', table: '_ingest_migrations' }, sql, params)
    },
  }
}

async function readLedger(conn: DuckDBConnection): Promise<LedgerEntry[]> {
  const context = { op: 'migrate' as const, table: '_ingest_migrations' }
  const [exists] = await selectSql(conn, context, LEDGER_EXISTS)
  if (Number(exists?.n ?? 0) === 0) return []
  const rows = await selectSql(conn, context, 'SELECT * FROM _ingest_migrations ORDER BY name')
  return rows.map((r) => ({
    name: textOf(r.name),
    checksum: textOf(r.checksum),
    appliedAt: textOf(r.applied_at),
  }))
}

/** BEGIN … COMMIT around `fn`; ROLLBACK (errors ignored) and rethrow on failure. */
export async function inTransaction(conn: DuckDBConnection, fn: () => Promise<void>) {
  await execSql(conn, { op: 'migrate' }, 'BEGIN TRANSACTION')
  try {
    await fn()
    await execSql(conn, { op: 'migrate' }, 'COMMIT')
  } catch (error) {
    await callDuckdb({ op: 'migrate' }, () => conn.run('ROLLBACK')).catch(() => undefined)
    throw error
  }
}
