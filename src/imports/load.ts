// The one unit of work of an import: the kind's tables plus its import_files row, with a load
// record (vendor 'import', resource = kind) committed together; then a run record (trigger
// 'import') so the import shows in pipeline_runs like a scheduled run.

import { newLoadId, newRunId } from '../core/ids.js'
import type { DayRange } from '../core/days.js'
import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { LoadRecord, Warehouse } from '../warehouse/warehouse.js'
import type { ImportFile } from './file.js'
import { fileRecord } from './import-log.js'
import type { ImportKind, ParsedImport } from './kind.js'

export interface ImportDeps {
  warehouse: Warehouse
  clock: Clock
  logger: Logger
}

export interface ImportLoad {
  kind: ImportKind
  file: ImportFile
  parsed: ParsedImport
  /** 'month=YYYY-MM' or ''. */
  scope: string
  /** When the import started (before the file was read): the load's duration covers parsing. */
  startedAt: Date
  /** import_files.imported_at: see nextImportTime. */
  importedAt: Date
}

export async function loadImport(deps: ImportDeps, load: ImportLoad) {
  const { kind, file, parsed, scope, startedAt, importedAt } = load
  const runId = newRunId(startedAt)
  const loadId = newLoadId(runId, 1)
  const tables = [...parsed.tables, fileRecord(kind, file, parsed, scope, importedAt)]
  const rows = parsed.tables.reduce((n, t) => n + t.rows.length, 0)
  const record = loadRecord({
    runId,
    loadId,
    kind,
    window: parsed.window,
    rows,
    startedAt,
    finishedAt: deps.clock.now(),
  })
  const result = await deps.warehouse.load({ tables, record })
  await deps.warehouse.saveRun({
    runId,
    trigger: 'import',
    startedAt: record.startedAt,
    finishedAt: deps.clock.now().toISOString(),
    status: 'succeeded',
    window: parsed.window,
    summary: `import ${kind.name} ${file.name}: ${parsed.rows} rows`,
  })
  deps.logger.info('import.committed', {
    runId,
    loadId,
    kind: kind.name,
    file: file.name,
    rows: result.rowsWritten,
  })
  return { loadId, rowsWritten: result.rowsWritten }
}

function loadRecord(r: {
  runId: string
  loadId: string
  kind: ImportKind
  window?: DayRange
  rows: number
  startedAt: Date
  finishedAt: Date
}): LoadRecord {
  return {
    runId: r.runId,
    loadId: r.loadId,
    vendor: 'import',
    resource: r.kind.name,
    window: r.window,
    pages: 1,
    rows: r.rows,
    retries: 0,
    durationMs: r.finishedAt.getTime() - r.startedAt.getTime(),
    status: 'succeeded',
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
  }
}
