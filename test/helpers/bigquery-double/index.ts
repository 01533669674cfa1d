// A local test double of the BigQuery REST API, driven by the real `@google-cloud/bigquery`
// client: datasets, tables, query jobs (jobs.insert / jobs.query / getQueryResults), load
// jobs uploaded as NDJSON, tabledata.list — backed by in-memory DuckDB through a small,
// documented BigQuery → DuckDB SQL translation (README.md). Every request is recorded so tests
// can count table modifications and check load-job configuration and MERGE partition filters.

import type { BigQueryOptions } from '@google-cloud/bigquery'
import { PassThroughClient } from 'google-auth-library'
import type { Hono } from 'hono'
import { startServer } from '../../../src/simulators/shared/server.js'
import { createDoubleApp } from './app.js'
import { Catalog } from './catalog.js'
import { DoubleDatabase, tableSql } from './database.js'
import { Faults, type FaultSpec } from './faults.js'
import { JobStore } from './jobs.js'
import { parseKey } from './query.js'
import { tableResource } from './resources.js'
import type { DoubleState } from './state.js'
import type { RecordedRequest, StatementInfo, TableModification } from './types.js'

export type { FaultSpec, FaultRequest } from './faults.js'
export type * from './types.js'

export interface BigQueryDoubleOptions {
  /** Default 'double-project'. */
  projectId?: string
  /** Location of datasets created without one, and of jobs that name none. Default 'US'. */
  location?: string
  /** Default 0 (a free port). */
  port?: number
  /** Rows per results page. Default 10 000; set small to exercise pageToken paging. */
  pageRows?: number
  now?: () => Date
}

export interface BigQueryDouble {
  /** 'http://127.0.0.1:PORT' — pass as `apiEndpoint`. */
  url: string
  projectId: string
  location: string
  requests: RecordedRequest[]
  /** Options for `new BigQuery(…)` that reach this double with no credentials lookup. */
  clientOptions(extra?: BigQueryOptions): BigQueryOptions
  /** The next `count` matching requests fail (see faults.ts). */
  failNext(count: number, spec?: FaultSpec): void
  /** tables.get resources of every table, as the client would see them. */
  tables(): Promise<Awaited<ReturnType<typeof tableResource>>[]>
  /** Rows of 'dataset.table' straight from DuckDB (DECIMAL/BIGINT as strings). */
  rows(table: string, orderBy?: string): Promise<Record<string, unknown>[]>
  /** Committed DML statements and successful load jobs, optionally for one 'dataset.table'. */
  tableModifications(table?: string): TableModification[]
  /** Every statement executed by query jobs, in order. */
  statements(): StatementInfo[]
  close(): Promise<void>
}

export async function startBigQueryDouble(
  options: BigQueryDoubleOptions = {},
): Promise<BigQueryDouble> {
  const projectId = options.projectId ?? 'double-project'
  const location = options.location ?? 'US'
  const now = () => (options.now ? options.now() : new Date()).getTime()
  const db = await DoubleDatabase.create()
  const catalog = new Catalog(db, projectId, location, now)
  const state: DoubleState = {
    projectId,
    catalog,
    jobs: new JobStore(projectId),
    faults: new Faults(),
    requests: [],
    pageRows: options.pageRows ?? 10_000,
    now,
  }
  // startServer takes a plain Hono; the double's context variables are internal to it.
  const server = await startServer(createDoubleApp(state) as unknown as Hono, options.port ?? 0)
  return {
    url: server.url,
    projectId,
    location,
    requests: state.requests,
    clientOptions: (extra = {}) => ({
      projectId,
      apiEndpoint: server.url,
      authClient: new PassThroughClient(),
      ...extra,
    }),
    failNext: (count, spec) => state.faults.failNext(count, spec),
    tables: () => db.exclusive(() => allTables(catalog)),
    rows: (table, orderBy) => db.exclusive(() => readRows(db, table, orderBy)),
    tableModifications: (table) =>
      state.requests
        .flatMap((r) => r.modifications)
        .filter((m) => table === undefined || m.table === table),
    statements: () => state.requests.flatMap((r) => r.statements),
    close: async () => {
      await server.close()
      await db.exclusive(() => Promise.resolve(db.close()))
    },
  }
}

async function allTables(catalog: Catalog) {
  const resources = []
  for (const dataset of await catalog.datasetIds()) {
    for (const { name } of await catalog.listTables(dataset))
      resources.push(await tableResource(catalog, name))
  }
  return resources
}

function readRows(db: DoubleDatabase, table: string, orderBy?: string) {
  const name = parseKey(table)
  return db.readObjects(
    `SELECT * FROM ${tableSql(name.dataset, name.table)} ORDER BY ${orderBy ?? 'rowid'}`,
  )
}
