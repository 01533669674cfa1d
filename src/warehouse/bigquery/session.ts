// One dataset through the official client: reads, write jobs, load jobs and table metadata,
// each behind the error choke point and our own retries (the client's autoRetry is off: its
// backoff sleeps for real and it cannot know whether a write already happened). Writes get a
// job id we choose, so after a transient error we ask BigQuery whether that job finished
// before running it again — a MERGE script or a load is never applied twice.

import { randomBytes } from 'node:crypto'
import type { BigQuery, Job, JobMetadata, Table, TableMetadata } from '@google-cloud/bigquery'
import type { Clock } from '../../core/clock.js'
import type { Logger } from '../../core/logger.js'
import { callBigQuery, classifyBigQueryError, type BigQueryCallContext } from './errors.js'
import type { FieldInfo } from './cells.js'
import { tablePath, type DatasetRef, type ParamType } from './dialect.js'
import { toPlainRows, type PlainRow } from './results.js'

export interface SqlParams {
  values: Record<string, unknown>
  types: Record<string, ParamType>
}

export interface TableInfo {
  fields: FieldInfo[]
  /** The DATE/TIMESTAMP column the table is partitioned by, if any. */
  partitionField?: string
  partitionExpirationMs?: string
}

export interface SessionOptions {
  client: BigQuery
  dataset: DatasetRef
  location: string
  clock: Clock
  logger: Logger
  /** Attempts per call for transient errors (default 4; backoff 1 s, 2 s, 4 s). */
  attempts?: number
}

const NO_PARAMS: SqlParams = { values: {}, types: {} }

export class BigQuerySession {
  readonly dataset: DatasetRef
  readonly location: string
  private readonly tables = new Map<string, Promise<TableInfo>>()

  constructor(private readonly options: SessionOptions) {
    this.dataset = options.dataset
    this.location = options.location
  }

  get client(): BigQuery {
    return this.options.client
  }

  path(table: string): string {
    return tablePath(this.dataset, table)
  }

  /** A read (SELECT): idempotent, so retried as is. Rows come back as plain values. Reads
   *  name tables bare (`FROM cost_daily`): the dataset is their default; writes qualify all. */
  select(sql: string, context: BigQueryCallContext, params = NO_PARAMS): Promise<PlainRow[]> {
    return this.retry(context, async () => {
      const [rows] = await this.client.query({
        ...this.queryBase(sql, params),
        defaultDataset: this.dataset,
        wrapIntegers: true,
      })
      return toPlainRows(rows as Record<string, unknown>[])
    })
  }

  /** BigQuery's statementType of `sql` from a dry run (nothing runs, nothing is billed). */
  async statementType(sql: string, context: BigQueryCallContext, params = NO_PARAMS) {
    return this.retry(context, async () => {
      const [job] = await this.client.createQueryJob({
        ...this.queryBase(sql, params),
        defaultDataset: this.dataset,
        dryRun: true,
      })
      const metadata = job.metadata as JobMetadata | undefined
      return String(metadata?.statistics?.query?.statementType ?? '')
    })
  }

  /** Idempotent DDL (CREATE … IF NOT EXISTS, CREATE OR REPLACE VIEW, ALTER … SET OPTIONS):
   *  one jobs.query call, simply repeated after a transient error. */
  async ddl(sql: string, context: BigQueryCallContext): Promise<void> {
    await this.retry(context, async () => {
      await this.client.query(this.queryBase(sql, NO_PARAMS))
    })
  }

  /** A write (DML, DDL, a transaction script) as a job with our id, never run twice. */
  async execute(sql: string, context: BigQueryCallContext, params = NO_PARAMS): Promise<void> {
    await this.writeJob(context, 'q', async (jobId) => {
      const [job] = await this.client.createQueryJob({ ...this.queryBase(sql, params), jobId })
      await job.getQueryResults({ maxResults: 0 })
    })
  }

  /** Appends NDJSON to `table` with one batch load job (free; no streaming inserts). */
  async loadNdjson(table: string, data: string, context: BigQueryCallContext): Promise<void> {
    const target = this.client.dataset(this.dataset.datasetId).table(table, {
      location: this.location,
    })
    const metadata = {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      writeDisposition: 'WRITE_APPEND',
      createDisposition: 'CREATE_NEVER',
    }
    await this.writeJob(context, 'l', (jobId) => streamLoad(target, data, { ...metadata, jobId }))
  }

  /** Columns and partitioning of a table (cached: migrations run before any load). */
  tableInfo(table: string, context: BigQueryCallContext): Promise<TableInfo> {
    let info = this.tables.get(table)
    if (!info) {
      info = this.fetchTableInfo(table, context)
      info.catch(() => this.tables.delete(table))
      this.tables.set(table, info)
    }
    return info
  }

  async createTable(table: string, metadata: TableMetadata, context: BigQueryCallContext) {
    await this.retry(context, async () => {
      await this.client.dataset(this.dataset.datasetId).createTable(table, metadata)
    })
  }

  async exists(table: string | undefined, context: BigQueryCallContext): Promise<boolean> {
    const dataset = this.client.dataset(this.dataset.datasetId, { location: this.location })
    return this.retry(context, async () => {
      const [found] = await (table === undefined ? dataset.exists() : dataset.table(table).exists())
      return found
    })
  }

  async deleteTable(table: string, context: BigQueryCallContext): Promise<void> {
    await this.retry(context, async () => {
      await this.client
        .dataset(this.dataset.datasetId)
        .table(table)
        .delete({ ignoreNotFound: true })
    })
  }

  /** Columns and partitioning as BigQuery has them now (notFound when the table is missing). */
  async fetchTableInfo(table: string, context: BigQueryCallContext): Promise<TableInfo> {
    const meta = await this.retry(context, async () => {
      const [metadata] = (await this.client
        .dataset(this.dataset.datasetId)
        .table(table)
        .getMetadata()) as [TableMetadata, unknown]
      return metadata
    })
    const fields = (meta.schema?.fields ?? []).map((f) => ({
      name: String(f.name),
      type: String(f.type),
      mode: f.mode ?? 'NULLABLE',
    }))
    const partitioning = meta.timePartitioning
    return {
      fields,
      ...(partitioning?.field ? { partitionField: partitioning.field } : {}),
      ...(partitioning?.expirationMs
        ? { partitionExpirationMs: String(partitioning.expirationMs) }
        : {}),
    }
  }

  private queryBase(sql: string, params: SqlParams) {
    return {
      query: sql,
      location: this.location,
      ...(Object.keys(params.values).length > 0
        ? { params: params.values, types: params.types }
        : {}),
    }
  }

  /** Runs `attempt(jobId)`; after a transient failure, a job that did finish counts as done. */
  private async writeJob(
    context: BigQueryCallContext,
    kind: string,
    attempt: (jobId: string) => Promise<void>,
  ): Promise<void> {
    const base = `ai_usage_${kind}_${randomBytes(6).toString('hex')}`
    let n = 0
    await this.retry(context, async () => {
      const jobId = `${base}_${++n}`
      try {
        await attempt(jobId)
      } catch (error) {
        if (await this.finishedWithoutError(jobId)) return
        throw error
      }
      this.options.logger.debug('bigquery.job.done', { jobId, op: context.op })
    })
  }

  private async finishedWithoutError(jobId: string): Promise<boolean> {
    try {
      const job = this.client.job(jobId, { location: this.location })
      const [metadata] = (await job.getMetadata()) as [JobMetadata, unknown]
      const status = metadata.status
      return status?.state === 'DONE' && !status.errorResult
    } catch {
      return false // not created, or unknown: run it again
    }
  }

  private async retry<T>(context: BigQueryCallContext, fn: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 4
    for (let i = 1; ; i++) {
      try {
        return await callBigQuery(context, fn)
      } catch (error) {
        const classified = classifyBigQueryError(error, context)
        if (!classified.retryable || i >= attempts) throw classified
        this.options.logger.warn('bigquery.retry', {
          attempt: i,
          op: context.op,
          reason: classified.context.reason,
        })
        await this.options.clock.sleep(1000 * 2 ** (i - 1))
      }
    }
  }
}

/** One multipart upload; resolves when the load job is DONE, rejects with its errorResult. */
function streamLoad(table: Table, data: string, metadata: Record<string, unknown>) {
  return new Promise<void>((resolve, reject) => {
    const stream = table.createWriteStream(metadata)
    stream.on('error', reject)
    stream.on('complete', (job: Job) => {
      const status = (job.metadata as JobMetadata | undefined)?.status
      const failure = status?.errorResult
      if (!failure) return resolve()
      reject(Object.assign(new Error(String(failure.message)), { errors: status.errors }))
    })
    stream.end(data)
  })
}
