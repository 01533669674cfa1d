// Datasets and tables: DuckDB decides what exists (a dataset is a schema, a table a table),
// this catalog adds what BigQuery keeps beside the data — dataset location, partitioning,
// clustering, require_partition_filter, description, times. Schemas are always read back from
// DuckDB's columns (bq-types.ts), so DDL, REST and load jobs can never disagree about them.

import { duckTypeForField, fieldForDuck, legacyTypeName } from './bq-types.js'
import { quoteIdent, tableSql, type DoubleDatabase } from './database.js'
import { duplicate, invalid, notFound, unsupported } from './errors.js'
import { tableKey, type TableName } from './sql-names.js'
import type { FieldSchema, TableOptions } from './types.js'

export interface DatasetMeta {
  location: string
  description?: string
  labels?: Record<string, string>
  creationTime: number
  lastModifiedTime: number
}

export interface TableMeta {
  options: TableOptions
  creationTime: number
  lastModifiedTime: number
}

export class Catalog {
  private readonly datasets = new Map<string, DatasetMeta>()
  private readonly tables = new Map<string, TableMeta>()

  constructor(
    readonly db: DoubleDatabase,
    readonly projectId: string,
    readonly defaultLocation: string,
    private readonly now: () => number,
  ) {}

  async datasetIds(): Promise<string[]> {
    return (await this.db.schemas()).sort()
  }

  async getDataset(id: string): Promise<DatasetMeta> {
    if (!(await this.db.schemas()).includes(id)) throw notFound(`Dataset ${this.projectId}:${id}`)
    return this.datasetMeta(id)
  }

  async createDataset(id: string, meta: Partial<DatasetMeta>): Promise<DatasetMeta> {
    if ((await this.db.schemas()).includes(id)) throw duplicate(`Dataset ${this.projectId}:${id}`)
    await this.db.run(`CREATE SCHEMA ${quoteIdent(id)}`)
    this.datasets.delete(id)
    return this.patchDataset(id, meta)
  }

  patchDataset(id: string, patch: Partial<DatasetMeta>): DatasetMeta {
    const meta = { ...this.datasetMeta(id), ...definedOnly(patch), lastModifiedTime: this.now() }
    this.datasets.set(id, meta)
    return meta
  }

  async deleteDataset(id: string, deleteContents: boolean): Promise<void> {
    await this.getDataset(id)
    const tables = await this.db.tables(id)
    if (tables.length > 0 && !deleteContents) {
      throw invalid(`Dataset ${this.projectId}:${id} is still in use`)
    }
    await this.db.run(`DROP SCHEMA ${quoteIdent(id)} CASCADE`)
    this.forgetDataset(id)
  }

  forgetDataset(id: string): void {
    this.datasets.delete(id)
    for (const key of [...this.tables.keys()]) if (key.startsWith(`${id}.`)) this.tables.delete(key)
  }

  /** 'TABLE' | 'VIEW' when it exists. */
  async tableType(name: TableName): Promise<'TABLE' | 'VIEW' | undefined> {
    const found = (await this.db.tables(name.dataset)).find((t) => t.name === name.table)
    return found ? (found.isView ? 'VIEW' : 'TABLE') : undefined
  }

  async requireTable(name: TableName): Promise<'TABLE' | 'VIEW'> {
    await this.getDataset(name.dataset)
    const type = await this.tableType(name)
    if (!type) throw notFound(`Table ${this.projectId}:${tableKey(name)}`)
    return type
  }

  async listTables(dataset: string): Promise<{ name: TableName; type: 'TABLE' | 'VIEW' }[]> {
    await this.getDataset(dataset)
    const tables = await this.db.tables(dataset)
    return tables.map((t) => ({
      name: { dataset, table: t.name },
      type: t.isView ? 'VIEW' : 'TABLE',
    }))
  }

  /** Creates a table from a REST schema (tables.insert, load jobs with CREATE_IF_NEEDED). */
  async createTable(name: TableName, fields: FieldSchema[], options: TableOptions): Promise<void> {
    await this.getDataset(name.dataset)
    if (await this.tableType(name)) throw duplicate(`Table ${this.projectId}:${tableKey(name)}`)
    if (fields.length === 0) throw unsupported('tables without a schema')
    const columns = fields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}`)
    await this.db.run(`CREATE TABLE ${tableSql(name.dataset, name.table)} (${columns.join(', ')})`)
    this.setTableOptions(name, options, 'replace')
  }

  async dropTable(name: TableName): Promise<void> {
    const type = await this.requireTable(name)
    await this.db.run(
      `DROP ${type === 'VIEW' ? 'VIEW' : 'TABLE'} ${tableSql(name.dataset, name.table)}`,
    )
    this.forgetTable(name)
  }

  forgetTable(name: TableName): void {
    this.tables.delete(tableKey(name))
  }

  /** The BigQuery schema of a table, read from DuckDB. */
  async schema(name: TableName): Promise<FieldSchema[]> {
    const columns = await this.db.columns(name.dataset, name.table)
    return columns.map((c) => fieldForDuck(c.name, c.duckType, undefined, c.nullable))
  }

  /** Adds the new fields of a patched schema; anything else than appending is refused. */
  async extendSchema(name: TableName, fields: FieldSchema[]): Promise<void> {
    const current = await this.schema(name)
    const known = new Map(current.map((f) => [f.name.toLowerCase(), f]))
    for (const field of fields) {
      const existing = known.get(field.name.toLowerCase())
      if (existing && legacyTypeName(field.type) !== existing.type) {
        throw invalid(`Field ${field.name} has changed type from ${existing.type} to ${field.type}`)
      }
      if (existing) continue
      if (field.mode === 'REQUIRED') throw invalid(`Cannot add required field ${field.name}`)
      const sql = `ALTER TABLE ${tableSql(name.dataset, name.table)} ADD COLUMN`
      await this.db.run(`${sql} ${quoteIdent(field.name)} ${duckTypeForField(field)}`)
    }
  }

  tableMeta(name: TableName): TableMeta {
    const key = tableKey(name)
    const existing = this.tables.get(key)
    if (existing) return existing
    const meta = { options: {}, creationTime: this.now(), lastModifiedTime: this.now() }
    this.tables.set(key, meta)
    return meta
  }

  /** `replace` sets the options anew (CREATE); `patch` merges (ALTER, tables.patch). */
  setTableOptions(name: TableName, options: TableOptions, mode: 'replace' | 'patch'): void {
    const meta = mode === 'replace' ? this.freshMeta(name) : this.tableMeta(name)
    meta.options = mode === 'replace' ? { ...options } : mergeOptions(meta.options, options)
    meta.lastModifiedTime = this.now()
  }

  touchTable(name: TableName): void {
    this.tableMeta(name).lastModifiedTime = this.now()
  }

  private freshMeta(name: TableName): TableMeta {
    this.tables.delete(tableKey(name))
    return this.tableMeta(name)
  }

  private datasetMeta(id: string): DatasetMeta {
    const now = this.now()
    return (
      this.datasets.get(id) ?? {
        location: this.defaultLocation,
        creationTime: now,
        lastModifiedTime: now,
      }
    )
  }
}

function columnType(field: FieldSchema): string {
  return `${duckTypeForField(field)}${field.mode === 'REQUIRED' ? ' NOT NULL' : ''}`
}

function mergeOptions(current: TableOptions, patch: TableOptions): TableOptions {
  const merged = { ...current, ...definedOnly({ ...patch, timePartitioning: undefined }) }
  const tp = patch.timePartitioning
  if (!tp) return merged
  if (!current.timePartitioning) {
    if (tp.expirationMs === undefined) return merged
    throw invalid('partition_expiration_days applies only to partitioned tables')
  }
  // Only the expiration can change on an existing partitioning.
  merged.timePartitioning = { ...current.timePartitioning, expirationMs: tp.expirationMs }
  if (tp.expirationMs === undefined) delete merged.timePartitioning.expirationMs
  return merged
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
