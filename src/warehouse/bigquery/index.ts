// Opens the BigQuery warehouse (production: the official client with Application Default
// Credentials). The client's own retries are turned off — the session retries transient
// errors itself and checks whether a write job already ran before repeating it. Tests pass
// `clientOptions` from the BigQuery double (apiEndpoint + PassThroughClient: no credentials).

import { BigQuery, type BigQueryOptions } from '@google-cloud/bigquery'
import { PipelineError } from '../../core/errors.js'
import { systemClock, type Clock } from '../../core/clock.js'
import { silentLogger, type Logger } from '../../core/logger.js'
import type { LoadRequest, Warehouse } from '../warehouse.js'
import { BIGQUERY_CAPABILITIES } from './dialect.js'
import { BigQuerySession } from './session.js'
import type { StageLimits } from './staging.js'
import { BigQueryWarehouse } from './warehouse.js'

export { BIGQUERY_CAPABILITIES } from './dialect.js'

export const DEFAULT_BIGQUERY_LOCATION = 'US'
/** Bytes of NDJSON per staging load job (a conservative cap for one multipart upload). */
export const DEFAULT_MAX_LOAD_BYTES = 8 * 1024 * 1024

export interface BigQueryWarehouseOptions {
  /** GCP project; unset = the project of the Application Default Credentials. */
  projectId?: string
  dataset: string
  /** Dataset location (created there when missing; every job runs there). Default 'US'. */
  location?: string
  /** Partition expiration in days for activity tables; unset keeps data forever. */
  retentionDays?: number
  /** Root holding `bigquery/migrations` and `bigquery/views`; defaults to the package's `sql/`. */
  sqlDir?: string
  /** Merged into the client's options (tests: `double.clientOptions()`). */
  clientOptions?: BigQueryOptions
  /** Attempts per call on transient errors (default 4). */
  attempts?: number
  limits?: Partial<StageLimits>
  logger?: Logger
  clock?: Clock
  hooks?: {
    /** Runs once per staged load just before the commit job (tests simulate a crash). */
    beforeCommit?: (request: LoadRequest) => void | Promise<void>
  }
}

/**
 * @example
 * const warehouse = await createBigQueryWarehouse({ projectId: 'acme', dataset: 'ai_usage' })
 * await warehouse.migrate()
 */
export async function createBigQueryWarehouse(
  options: BigQueryWarehouseOptions,
): Promise<Warehouse> {
  const location = options.location ?? DEFAULT_BIGQUERY_LOCATION
  const client = new BigQuery({
    ...(options.projectId ? { projectId: options.projectId } : {}),
    location,
    autoRetry: false,
    ...options.clientOptions,
  })
  const projectId = options.projectId ?? (await adcProject(client))
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const session = new BigQuerySession({
    client,
    dataset: { projectId, datasetId: options.dataset },
    location,
    clock,
    logger,
    attempts: options.attempts,
  })
  return new BigQueryWarehouse({
    session,
    sqlDir: options.sqlDir,
    retentionDays: options.retentionDays,
    limits: {
      maxRows: options.limits?.maxRows ?? BIGQUERY_CAPABILITIES.maxRowsPerInsert,
      maxBytes: options.limits?.maxBytes ?? DEFAULT_MAX_LOAD_BYTES,
    },
    logger,
    clock,
    beforeCommit: options.hooks?.beforeCommit,
  })
}

async function adcProject(client: BigQuery): Promise<string> {
  try {
    return await client.getProjectId()
  } catch (error) {
    throw new PipelineError(
      'CONFIG_INVALID',
      'No BigQuery project: set warehouse.bigquery.project (AI_USAGE_BQ_PROJECT) or run ' +
        '`gcloud auth application-default login` and `gcloud config set project …`.',
      { cause: error },
    )
  }
}
