// REST shapes of datasets and tables (datasets.get/list, tables.get/list), as the Node client
// reads them. Numbers that are int64 in the API (times, numRows, expirationMs) are strings.

import type { Catalog, DatasetMeta } from './catalog.js'
import { tableSql } from './database.js'
import type { TableName } from './sql-names.js'

export function datasetResource(projectId: string, id: string, meta: DatasetMeta) {
  return {
    kind: 'bigquery#dataset',
    id: `${projectId}:${id}`,
    datasetReference: { projectId, datasetId: id },
    location: meta.location,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(meta.labels ? { labels: meta.labels } : {}),
    creationTime: String(meta.creationTime),
    lastModifiedTime: String(meta.lastModifiedTime),
  }
}

/** tables.list entry: no schema, as in BigQuery. */
export function tableListEntry(catalog: Catalog, name: TableName, type: 'TABLE' | 'VIEW') {
  const meta = catalog.tableMeta(name)
  const { timePartitioning, clustering } = meta.options
  return {
    kind: 'bigquery#table',
    id: `${catalog.projectId}:${name.dataset}.${name.table}`,
    tableReference: { projectId: catalog.projectId, datasetId: name.dataset, tableId: name.table },
    type,
    ...(timePartitioning ? { timePartitioning } : {}),
    ...(clustering ? { clustering } : {}),
    creationTime: String(meta.creationTime),
  }
}

export async function tableResource(catalog: Catalog, name: TableName) {
  const type = await catalog.requireTable(name)
  const meta = catalog.tableMeta(name)
  const dataset = await catalog.getDataset(name.dataset)
  const { requirePartitionFilter, description, labels } = meta.options
  return {
    ...tableListEntry(catalog, name, type),
    schema: { fields: await catalog.schema(name) },
    ...(requirePartitionFilter !== undefined ? { requirePartitionFilter } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(labels ? { labels } : {}),
    numRows: type === 'TABLE' ? String(await countRows(catalog, name)) : undefined,
    numBytes: '0',
    lastModifiedTime: String(meta.lastModifiedTime),
    location: dataset.location,
  }
}

async function countRows(catalog: Catalog, name: TableName): Promise<number> {
  const result = await catalog.db.read(`SELECT count(*) FROM ${tableSql(name.dataset, name.table)}`)
  return Number(result.rows[0]?.[0] ?? 0)
}
