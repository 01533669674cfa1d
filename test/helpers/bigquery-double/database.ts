// The double's storage: one in-memory DuckDB and one connection. A BigQuery dataset is a
// DuckDB schema, a table is a table. Every HTTP request runs under `exclusive`, because a
// DuckDB transaction belongs to the connection: a script's BEGIN…COMMIT must never interleave
// with another request's statements.

import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api'

export interface ResultColumn {
  name: string
  /** DuckDB's type text, e.g. 'DECIMAL(38,9)', 'TIMESTAMP WITH TIME ZONE'. */
  duckType: string
  /** 'JSON' for JSON columns (DuckDB reports them as VARCHAR with an alias). */
  alias?: string
}

export interface ResultSet {
  columns: ResultColumn[]
  rows: DuckDBValue[][]
  rowsChanged: number
}

export interface ColumnInfo {
  name: string
  duckType: string
  nullable: boolean
}

const SYSTEM_SCHEMAS = new Set(['main', 'information_schema', 'pg_catalog'])

export class DoubleDatabase {
  private tail: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async create(): Promise<DoubleDatabase> {
    // No ICU extension here: TIMESTAMPTZ values are then always read and printed in UTC.
    const instance = await DuckDBInstance.create(':memory:')
    return new DoubleDatabase(instance, await instance.connect())
  }

  /** Runs `task` after every task queued before it has settled. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }

  async read(sql: string): Promise<ResultSet> {
    const reader = await this.connection.runAndReadAll(sql)
    const columns = reader.columnNames().map((name, i) => toColumn(name, reader.columnType(i)))
    return { columns, rows: reader.getRows(), rowsChanged: reader.rowsChanged }
  }

  /** Rows as JSON-friendly objects (DECIMAL/BIGINT as strings), for test assertions. */
  async readObjects(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql)
    return reader.getRowObjectsJson()
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql)
  }

  async schemas(): Promise<string[]> {
    const result = await this.read(
      `SELECT schema_name FROM information_schema.schemata WHERE catalog_name = current_database()`,
    )
    return result.rows.map((r) => String(r[0])).filter((s) => !SYSTEM_SCHEMAS.has(s))
  }

  async tables(schema: string): Promise<{ name: string; isView: boolean }[]> {
    const result = await this.read(
      `SELECT table_name, table_type FROM information_schema.tables
       WHERE table_schema = ${quoteLiteral(schema)} ORDER BY table_name`,
    )
    return result.rows.map((r) => ({ name: String(r[0]), isView: String(r[1]) === 'VIEW' }))
  }

  async columns(schema: string, table: string): Promise<ColumnInfo[]> {
    const result = await this.read(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = ${quoteLiteral(schema)} AND table_name = ${quoteLiteral(table)}
       ORDER BY ordinal_position`,
    )
    return result.rows.map((r) => ({
      name: String(r[0]),
      duckType: String(r[1]),
      nullable: String(r[2]) === 'YES',
    }))
  }

  close(): void {
    this.connection.closeSync()
    this.instance.closeSync()
  }
}

function toColumn(name: string, type: DuckDBType): ResultColumn {
  const alias = type.alias
  return { name, duckType: type.toString(), ...(alias ? { alias } : {}) }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** `"dataset"."table"` */
export function tableSql(dataset: string, table: string): string {
  return `${quoteIdent(dataset)}.${quoteIdent(table)}`
}
