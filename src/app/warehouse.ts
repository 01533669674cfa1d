// Opens the configured warehouse engine. The one place that knows which engines exist.

import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { Config } from '../config/schema.js'
import { PipelineError } from '../core/errors.js'
import { createBigQueryWarehouse } from '../warehouse/bigquery/index.js'
import { createDuckdbWarehouse } from '../warehouse/duckdb/index.js'
import type { Warehouse } from '../warehouse/warehouse.js'

export interface OpenWarehouseOptions {
  logger: Logger
  clock: Clock
  readOnly?: boolean
}

export async function openWarehouse(
  config: Config,
  options: OpenWarehouseOptions,
): Promise<Warehouse> {
  const wh = config.warehouse
  if (wh.engine === 'duckdb') {
    return createDuckdbWarehouse({
      path: wh.duckdb.path,
      readOnly: options.readOnly,
      logger: options.logger,
      clock: options.clock,
    })
  }
  if (wh.engine === 'bigquery') {
    // Application Default Credentials; the project defaults to theirs when unset.
    return createBigQueryWarehouse({
      projectId: wh.bigquery.project,
      dataset: wh.bigquery.dataset,
      location: wh.bigquery.location,
      retentionDays: wh.bigquery.retentionDays,
      logger: options.logger,
      clock: options.clock,
    })
  }
  throw new PipelineError(
    'CONFIG_INVALID',
    `warehouse engine "${String(wh.engine)}" is not available in this build`,
  )
}
