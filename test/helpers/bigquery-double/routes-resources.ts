// datasets.* , tables.* and tabledata.list. Table creation takes a REST schema plus
// timePartitioning / clustering / requirePartitionFilter / description; patch may change
// those, append columns and change the partition expiration (as BigQuery allows).

import type { Context, Hono } from 'hono'
import { tableSql } from './database.js'
import { invalid, unsupported } from './errors.js'
import { pageOf } from './jobs.js'
import { datasetResource, tableListEntry, tableResource } from './resources.js'
import type { TableName } from './sql-names.js'
import { asString, begin, queryNumber, type DoubleEnv, type DoubleState } from './state.js'
import type { FieldSchema, TableOptions } from './types.js'

type Body = Record<string, unknown>

const ds = '/projects/:project/datasets'

const table = (p: { dataset: string; table: string }): TableName => ({
  dataset: p.dataset,
  table: p.table,
})

export function registerResourceRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  registerDatasetRoutes(api, state)
  registerTableRoutes(api, state)
  registerTableDataRoutes(api, state)
}

function registerDatasetRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  const { catalog } = state
  api.get(ds, async (c) => {
    begin(c, state, 'datasets.list')
    const ids = await catalog.datasetIds()
    const datasets = await Promise.all(
      ids.map(async (id) => datasetResource(state.projectId, id, await catalog.getDataset(id))),
    )
    return c.json({ kind: 'bigquery#datasetList', datasets })
  })
  api.post(ds, async (c) => {
    const body = await c.req.json<Body>()
    begin(c, state, 'datasets.insert', { body })
    const id = asString((body.datasetReference as Body | undefined)?.datasetId)
    const meta = await catalog.createDataset(id, datasetFields(body, catalog.defaultLocation))
    return c.json(datasetResource(state.projectId, id, meta))
  })
  api.get(`${ds}/:dataset`, async (c) => {
    begin(c, state, 'datasets.get')
    const id = c.req.param('dataset')
    return c.json(datasetResource(state.projectId, id, await catalog.getDataset(id)))
  })
  api.on(['PATCH', 'PUT'], `${ds}/:dataset`, async (c) => {
    const body = await c.req.json<Body>()
    begin(c, state, 'datasets.patch', { body })
    const id = c.req.param('dataset')
    await catalog.getDataset(id)
    const { description, labels } = datasetFields(body)
    return c.json(
      datasetResource(state.projectId, id, catalog.patchDataset(id, { description, labels })),
    )
  })
  api.delete(`${ds}/:dataset`, async (c) => {
    begin(c, state, 'datasets.delete')
    await catalog.deleteDataset(c.req.param('dataset'), c.req.query('deleteContents') === 'true')
    return c.body(null, 204)
  })
}

function registerTableRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  const { catalog } = state
  api.get(`${ds}/:dataset/tables`, async (c) => {
    begin(c, state, 'tables.list')
    const tables = await catalog.listTables(c.req.param('dataset'))
    const entries = tables.map((t) => tableListEntry(catalog, t.name, t.type))
    return c.json({ kind: 'bigquery#tableList', tables: entries, totalItems: entries.length })
  })
  api.post(`${ds}/:dataset/tables`, async (c) => {
    const body = await c.req.json<Body>()
    begin(c, state, 'tables.insert', { body })
    const ref = (body.tableReference ?? {}) as Body
    const name = { dataset: c.req.param('dataset'), table: asString(ref.tableId) }
    if (body.view || body.materializedView)
      throw unsupported('creating views through tables.insert (use CREATE VIEW)')
    if (body.rangePartitioning || body.externalDataConfiguration)
      throw unsupported('range partitioning and external tables')
    await catalog.createTable(name, schemaFields(body), tableOptions(body))
    return c.json(await tableResource(catalog, name))
  })
  api.get(`${ds}/:dataset/tables/:table`, async (c) => {
    begin(c, state, 'tables.get')
    return c.json(await tableResource(catalog, table(c.req.param())))
  })
  api.on(['PATCH', 'PUT'], `${ds}/:dataset/tables/:table`, async (c) => {
    const body = await c.req.json<Body>()
    begin(c, state, c.req.method === 'PUT' ? 'tables.update' : 'tables.patch', { body })
    const name = table(c.req.param())
    await catalog.requireTable(name)
    if (body.schema) await catalog.extendSchema(name, schemaFields(body))
    catalog.setTableOptions(name, tableOptions(body), 'patch')
    return c.json(await tableResource(catalog, name))
  })
  api.delete(`${ds}/:dataset/tables/:table`, async (c) => {
    begin(c, state, 'tables.delete')
    await catalog.dropTable(table(c.req.param()))
    return c.body(null, 204)
  })
}

function registerTableDataRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  const { catalog } = state
  api.get(`${ds}/:dataset/tables/:table/data`, async (c) => {
    begin(c, state, 'tabledata.list')
    const name = table(c.req.param())
    if ((await catalog.requireTable(name)) === 'VIEW')
      throw invalid('Cannot list a table of type VIEW.')
    const result = await catalog.db.read(
      `SELECT * FROM ${tableSql(name.dataset, name.table)} ORDER BY rowid`,
    )
    const fields = await catalog.schema(name)
    const page = pageOf({ fields, rows: result.rows }, pageOptions(c, state))
    return c.json({ kind: 'bigquery#tableDataList', ...page })
  })
  api.post(`${ds}/:dataset/tables/:table/insertAll`, (c) => {
    begin(c, state, 'tabledata.insertAll')
    throw unsupported('streaming inserts (tabledata.insertAll); use load jobs')
  })
}

export function pageOptions(c: Context<DoubleEnv>, state: DoubleState) {
  return {
    maxResults: queryNumber(c, 'maxResults'),
    pageToken: c.req.query('pageToken'),
    startIndex: queryNumber(c, 'startIndex'),
    pageRows: state.pageRows,
    int64Timestamp: c.req.query('formatOptions.useInt64Timestamp') !== 'false',
  }
}

function datasetFields(body: Body, defaultLocation?: string) {
  return {
    ...(typeof body.location === 'string'
      ? { location: body.location }
      : defaultLocation
        ? { location: defaultLocation }
        : {}),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    ...(body.labels ? { labels: body.labels as Record<string, string> } : {}),
  }
}

function schemaFields(body: Body): FieldSchema[] {
  return ((body.schema as { fields?: FieldSchema[] } | undefined)?.fields ?? []).map((f) => ({
    ...f,
  }))
}

function tableOptions(body: Body): TableOptions {
  const options: TableOptions = {}
  if (body.timePartitioning)
    options.timePartitioning = { ...(body.timePartitioning as TableOptions['timePartitioning'])! }
  if (body.clustering) options.clustering = body.clustering as TableOptions['clustering']
  if (typeof body.requirePartitionFilter === 'boolean')
    options.requirePartitionFilter = body.requirePartitionFilter
  if (typeof body.description === 'string') options.description = body.description
  if (body.labels) options.labels = body.labels as Record<string, string>
  return options
}
