// Jobs as the REST API shows them. Every job runs to completion inside the request that
// creates it, so jobs are born DONE (success or errorResult) and the client's polling
// (jobs.get) and results paging (jobs.getQueryResults) see a finished job at once.
// Result rows stay DuckDB values until a page is read, then become `{ f: [{ v }] }` strings.

import type { DuckDBValue } from '@duckdb/node-api'
import { encodeCell } from './bq-types.js'
import type { BigQueryError } from './errors.js'
import { duplicate, errorProto, notFound } from './errors.js'
import type { FieldSchema } from './types.js'

export interface JobRecord {
  jobId: string
  location: string
  jobType: 'QUERY' | 'LOAD'
  configuration: Record<string, unknown>
  createdAt: number
  error?: BigQueryError
  queryStatistics?: Record<string, unknown>
  loadStatistics?: Record<string, unknown>
  result?: { fields: FieldSchema[]; rows: DuckDBValue[][] }
  numDmlAffectedRows?: number
}

export interface PageOptions {
  maxResults?: number
  pageToken?: string
  startIndex?: number
  /** The double's own page size (BigQuery pages by ~10 MB). */
  pageRows: number
  int64Timestamp: boolean
}

export class JobStore {
  private readonly jobs = new Map<string, JobRecord>()
  private counter = 0

  constructor(private readonly projectId: string) {}

  newJobId(): string {
    this.counter += 1
    return `job_double_${this.counter}`
  }

  assertNew(jobId: string, location: string): void {
    if (this.jobs.has(jobId)) throw duplicate(`Job ${this.projectId}:${location}.${jobId}`)
  }

  add(job: JobRecord): JobRecord {
    this.jobs.set(job.jobId, job)
    return job
  }

  get(jobId: string, location?: string): JobRecord {
    const job = this.jobs.get(jobId)
    if (!job || (location && location.toLowerCase() !== job.location.toLowerCase())) {
      throw notFound(`Job ${this.projectId}:${location ?? 'US'}.${jobId}`)
    }
    return job
  }

  list(): JobRecord[] {
    return [...this.jobs.values()].reverse()
  }
}

export function jobReference(projectId: string, job: JobRecord) {
  return { projectId, jobId: job.jobId, location: job.location }
}

export function jobResource(projectId: string, job: JobRecord) {
  const time = String(job.createdAt)
  return {
    kind: 'bigquery#job',
    id: `${projectId}:${job.location}.${job.jobId}`,
    jobReference: jobReference(projectId, job),
    configuration: { ...job.configuration, jobType: job.jobType },
    status: job.error
      ? {
          state: 'DONE',
          errorResult: errorProto(job.error),
          errors: [errorProto(job.error), ...job.error.details],
        }
      : { state: 'DONE' },
    statistics: {
      creationTime: time,
      startTime: time,
      endTime: time,
      ...(job.queryStatistics ? { query: job.queryStatistics } : {}),
      ...(job.loadStatistics ? { load: job.loadStatistics } : {}),
    },
    user_email: 'bigquery-double@example.invalid',
  }
}

/** One page of a query job's results, in jobs.query / jobs.getQueryResults shape. */
export function resultsPage(projectId: string, job: JobRecord, options: PageOptions) {
  const common = {
    jobReference: jobReference(projectId, job),
    jobComplete: true,
    cacheHit: false,
    totalBytesProcessed: '0',
    ...(job.numDmlAffectedRows !== undefined
      ? { numDmlAffectedRows: String(job.numDmlAffectedRows) }
      : {}),
  }
  if (!job.result) return common
  return { ...common, schema: { fields: job.result.fields }, ...pageOf(job.result, options) }
}

/** `totalRows`, `rows` and `pageToken` (an offset) for one page of rows. */
export function pageOf(
  result: { fields: FieldSchema[]; rows: DuckDBValue[][] },
  options: PageOptions,
) {
  const { fields, rows } = result
  const start = options.pageToken ? Number(options.pageToken) : (options.startIndex ?? 0)
  const size = Math.min(options.maxResults ?? options.pageRows, options.pageRows)
  const end = Math.min(start + size, rows.length)
  const page = rows.slice(start, end).map((row) => encodeRow(row, fields, options))
  return {
    totalRows: String(rows.length),
    ...(page.length > 0 ? { rows: page } : {}),
    ...(end < rows.length ? { pageToken: String(end) } : {}),
  }
}

function encodeRow(row: DuckDBValue[], fields: FieldSchema[], options: PageOptions) {
  return {
    f: row.map((value, i) => ({ v: encodeCell(value, fields[i]?.type ?? 'STRING', options) })),
  }
}
