// Opens the embedded DuckDB warehouse (the default engine: a file under ./data, nothing to
// install). Read-only mode opens the file with DuckDB's own access_mode=READ_ONLY, so the
// `ai-usage query` command can run beside a writer-free file and can never change it.

import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { PipelineError } from '../../core/errors.js'
import { systemClock, type Clock } from '../../core/clock.js'
import { silentLogger, type Logger } from '../../core/logger.js'
import type { LoadRequest, Warehouse } from '../warehouse.js'
import { callDuckdb } from './errors.js'
import { DuckdbWarehouse } from './warehouse.js'

export { DUCKDB_CAPABILITIES } from './dialect.js'

export const DEFAULT_DUCKDB_PATH = './data/ai-usage.duckdb'

export interface DuckdbWarehouseOptions {
  /** Database file; its parent directory is created. ':memory:' for a throwaway database. */
  path?: string
  readOnly?: boolean
  /** Root holding `duckdb/migrations` and `duckdb/views`; defaults to the package's `sql/`. */
  sqlDir?: string
  logger?: Logger
  clock?: Clock
  hooks?: {
    /** Runs inside the load transaction just before COMMIT (tests use it to simulate a crash). */
    beforeCommit?: (request: LoadRequest) => void | Promise<void>
  }
}

/**
 * @example
 * const warehouse = await createDuckdbWarehouse({ path: './data/ai-usage.duckdb' })
 * await warehouse.migrate()
 */
export async function createDuckdbWarehouse(
  options: DuckdbWarehouseOptions = {},
): Promise<Warehouse> {
  const path = options.path ?? DEFAULT_DUCKDB_PATH
  const file = path === ':memory:' ? path : resolve(path)
  if (file !== ':memory:' && !options.readOnly) mkdirSync(dirname(file), { recursive: true })
  const config: Record<string, string> = options.readOnly ? { access_mode: 'READ_ONLY' } : {}
  const instance = await callDuckdb({ op: 'open' }, () =>
    DuckDBInstance.create(file, config),
  ).catch((error: unknown) => {
    throw openError(error, file, options.readOnly === true)
  })
  const writer = options.readOnly
    ? undefined
    : await callDuckdb({ op: 'open' }, () => instance.connect())
  return new DuckdbWarehouse({
    instance,
    writer,
    path: file,
    sqlDir: options.sqlDir,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
    beforeCommit: options.hooks?.beforeCommit,
  })
}

function openError(error: unknown, file: string, readOnly: boolean): unknown {
  if (!(error instanceof PipelineError)) return error
  const missing = readOnly && /not exist|No such file|Cannot open/i.test(String(error.cause))
  if (!missing) return error.withContext({ file })
  return new PipelineError(
    'WAREHOUSE_QUERY',
    'The DuckDB file does not exist yet. Run `ai-usage migrate` (or a pipeline run) first.',
    { cause: error, context: { file } },
  )
}
