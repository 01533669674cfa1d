// LOAD jobs from uploaded NEWLINE_DELIMITED_JSON, applied in one DuckDB transaction so a
// failed load leaves the table as it was (BigQuery loads are atomic). Honours
// createDisposition, writeDisposition (WRITE_TRUNCATE of a whole table or of one partition via
// a `table$YYYYMMDD` decorator, WRITE_APPEND, WRITE_EMPTY), schema checks, ignoreUnknownValues
// and maxBadRecords. Other formats, GCS URIs and autodetect are refused.

import { legacyTypeName } from './bq-types.js'
import type { Catalog } from './catalog.js'
import { quoteIdent, tableSql } from './database.js'
import { BigQueryError, duplicate, invalid, notFound, unsupported } from './errors.js'
import { errorMessage, loadError, readRows, type PartitionTarget } from './load-rows.js'
import type { TableName } from './sql-names.js'
import type { FieldSchema, TableModification, TableOptions } from './types.js'

export interface LoadConfig {
  destinationTable: { projectId?: string; datasetId: string; tableId: string }
  sourceFormat?: string
  writeDisposition?: 'WRITE_TRUNCATE' | 'WRITE_APPEND' | 'WRITE_EMPTY'
  createDisposition?: 'CREATE_IF_NEEDED' | 'CREATE_NEVER'
  schema?: { fields?: FieldSchema[] }
  ignoreUnknownValues?: boolean
  maxBadRecords?: number
  autodetect?: boolean
  schemaUpdateOptions?: string[]
  sourceUris?: string[]
  timePartitioning?: TableOptions['timePartitioning']
  clustering?: TableOptions['clustering']
  requirePartitionFilter?: boolean
}

export interface LoadOutcome {
  outputRows: number
  badRecords: number
}

const ROWS_PER_INSERT = 500

export async function runLoad(
  catalog: Catalog,
  config: LoadConfig,
  data: string,
  modification: Omit<TableModification, 'table' | 'kind'>,
): Promise<{ outcome: LoadOutcome; modification: TableModification }> {
  refuseUnsupported(config)
  const { name, partition } = destination(catalog, config)
  await catalog.getDataset(name.dataset)
  const exists = (await catalog.tableType(name)) !== undefined
  const fields = await loadSchema(catalog, name, exists, config)
  const options = exists ? catalog.tableMeta(name).options : tableOptions(config)
  const target = { partition, field: options.timePartitioning?.field }
  if (partition && !target.field)
    throw unsupported('decorators on tables without a partition column')
  const { tuples, badRecords } = readRows(data, fields, config, target)
  await catalog.db.run('BEGIN TRANSACTION')
  try {
    if (!exists) await catalog.createTable(name, fields, options)
    await prepareTarget(catalog, name, config, target)
    await insertRows(catalog, name, fields, tuples)
    await catalog.db.run('COMMIT')
  } catch (error) {
    await catalog.db.run('ROLLBACK')
    if (!exists) catalog.forgetTable(name)
    throw error instanceof BigQueryError ? error : loadError([String(errorMessage(error))])
  }
  catalog.touchTable(name)
  const table = `${name.dataset}.${name.table}`
  return {
    outcome: { outputRows: tuples.length, badRecords },
    modification: { ...modification, table, kind: 'load' },
  }
}

function refuseUnsupported(config: LoadConfig): void {
  if (config.sourceFormat !== 'NEWLINE_DELIMITED_JSON') {
    throw unsupported(`sourceFormat ${config.sourceFormat ?? '(unset: BigQuery would read CSV)'}`)
  }
  if (config.sourceUris?.length) throw unsupported('loading from Cloud Storage URIs')
  if (config.autodetect) throw unsupported('schema autodetect')
  if (config.schemaUpdateOptions?.length) throw unsupported('schemaUpdateOptions')
}

function destination(catalog: Catalog, config: LoadConfig) {
  const ref = config.destinationTable
  if (ref.projectId && ref.projectId !== catalog.projectId) {
    throw new BigQueryError(403, 'accessDenied', `Access Denied: Project ${ref.projectId}`)
  }
  const [table, decorator] = ref.tableId.split('$')
  if (decorator !== undefined && !/^\d{8}$/.test(decorator)) {
    throw unsupported(`partition decorator $${decorator} (only daily $YYYYMMDD)`)
  }
  const partition =
    decorator && `${decorator.slice(0, 4)}-${decorator.slice(4, 6)}-${decorator.slice(6)}`
  return { name: { dataset: ref.datasetId, table: table ?? '' }, partition: partition || undefined }
}

async function loadSchema(catalog: Catalog, name: TableName, exists: boolean, config: LoadConfig) {
  const provided = (config.schema?.fields ?? []).map((f) => ({
    ...f,
    type: legacyTypeName(f.type),
  }))
  if (!exists) {
    if (config.createDisposition === 'CREATE_NEVER') {
      throw notFound(`Table ${catalog.projectId}:${name.dataset}.${name.table}`)
    }
    if (provided.length === 0) throw invalid('No schema specified on job or table.')
    return provided
  }
  const current = await catalog.schema(name)
  if (provided.length > 0) compareSchemas(catalog, name, provided, current)
  return current
}

function compareSchemas(
  catalog: Catalog,
  name: TableName,
  provided: FieldSchema[],
  current: FieldSchema[],
) {
  const where = `Provided Schema does not match Table ${catalog.projectId}:${name.dataset}.${name.table}.`
  const byName = new Map(current.map((f) => [f.name.toLowerCase(), f]))
  for (const field of provided) {
    const existing = byName.get(field.name.toLowerCase())
    if (!existing) throw invalid(`${where} Cannot add fields (field: ${field.name})`)
    if (existing.type !== field.type) {
      throw invalid(
        `${where} Field ${field.name} has changed type from ${existing.type} to ${field.type}`,
      )
    }
    if ((existing.mode ?? 'NULLABLE') !== (field.mode ?? 'NULLABLE')) {
      throw invalid(
        `${where} Field ${field.name} has changed mode from ${existing.mode} to ${field.mode}`,
      )
    }
  }
  const missing = current.find(
    (f) => !provided.some((p) => p.name.toLowerCase() === f.name.toLowerCase()),
  )
  if (missing) throw invalid(`${where} Field ${missing.name} is missing in new schema`)
}

async function prepareTarget(
  catalog: Catalog,
  name: TableName,
  config: LoadConfig,
  target: PartitionTarget,
) {
  const table = tableSql(name.dataset, name.table)
  const disposition = config.writeDisposition ?? 'WRITE_APPEND'
  if (disposition === 'WRITE_EMPTY') {
    const count = await catalog.db.read(`SELECT count(*) FROM ${table}`)
    if (Number(count.rows[0]?.[0] ?? 0) > 0)
      throw duplicate(`Table ${catalog.projectId}:${name.dataset}.${name.table}`)
  }
  if (disposition !== 'WRITE_TRUNCATE') return
  if (!target.partition || !target.field) return catalog.db.run(`DELETE FROM ${table}`)
  const column = `CAST(${quoteIdent(target.field)} AS DATE)`
  await catalog.db.run(`DELETE FROM ${table} WHERE ${column} = DATE '${target.partition}'`)
}

async function insertRows(
  catalog: Catalog,
  name: TableName,
  fields: FieldSchema[],
  tuples: string[],
) {
  const columns = fields.map((f) => quoteIdent(f.name)).join(', ')
  for (let i = 0; i < tuples.length; i += ROWS_PER_INSERT) {
    const values = tuples.slice(i, i + ROWS_PER_INSERT).join(',\n')
    await catalog.db.run(
      `INSERT INTO ${tableSql(name.dataset, name.table)} (${columns}) VALUES ${values}`,
    )
  }
}

function tableOptions(config: LoadConfig): TableOptions {
  const options: TableOptions = {}
  if (config.timePartitioning) options.timePartitioning = { ...config.timePartitioning }
  if (config.clustering) options.clustering = { fields: [...config.clustering.fields] }
  if (config.requirePartitionFilter) options.requirePartitionFilter = true
  return options
}
