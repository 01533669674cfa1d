// Schema first: every writer (`ai-usage run`, the demo, `POST /run`) applies pending
// migrations before loading. The migrator reports per file; here a failure becomes an error.

import { PipelineError } from '../core/errors.js'
import type { Warehouse } from '../warehouse/warehouse.js'

/** Applies pending migrations and recreates views; throws on drift or a broken file. */
export async function migrateOrThrow(warehouse: Warehouse): Promise<void> {
  const report = await warehouse.migrate()
  if (report.error) {
    throw report.error instanceof PipelineError
      ? report.error
      : new PipelineError('MIGRATION_FAILED', report.error.message, { cause: report.error })
  }
}
