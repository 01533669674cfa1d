// Runs one import: validate options, read and parse the whole file (the first bad row stops
// it, nothing loaded), then load every table plus the file record in ONE warehouse unit of
// work with a load record (vendor 'import', resource = kind). A file identical to the last one
// imported for the same kind (and month) is reported unchanged and writes nothing; any other
// file relies on its kind's keys, so an overlapping or corrected file never doubles a row.

import type { Clock } from '../core/clock.js'
import type { DayRange } from '../core/days.js'
import { PipelineError } from '../core/errors.js'
import { newLoadId, newRunId } from '../core/ids.js'
import type { Logger } from '../core/logger.js'
import type { LoadRecord, TableLoad, Warehouse } from '../warehouse/warehouse.js'
import { readImportFile, type ImportFile } from './file.js'
import type { ImportKind, ImportKindName, ImportOptions, ParsedImport } from './kind.js'
import { importKindOrThrow } from './registry.js'
import { parseMonth } from './values.js'

export interface ImportDeps {
  warehouse: Warehouse
  clock: Clock
  logger: Logger
}

export interface ImportRequest {
  kind: string
  path: string
  /** 'YYYY-MM', required by claude-code-team and refused by the others. */
  month?: string
  /** Load even when the file is the one last imported (e.g. after an importer upgrade). */
  force?: boolean
}

export interface ImportResult {
  kind: ImportKindName
  file: string
  sha256: string
  status: 'imported' | 'unchanged'
  /** Data rows in the file. */
  rows: number
  /** Rows written per table (0 everywhere when unchanged). */
  rowsWritten: Record<string, number>
  /** The kind's main table and its row count before and after. */
  table: string
  tableRowsBefore: number
  tableRowsAfter: number
  warnings: string[]
  window?: DayRange
  loadId?: string
}

export async function runImport(deps: ImportDeps, request: ImportRequest): Promise<ImportResult> {
  const { kind, options } = resolveImportRequest(request)
  const file = await readImportFile(request.path)
  const parsed = kind.parse(file, options)
  const scope = options.month ? `month=${options.month}` : ''
  const before = await countRows(deps.warehouse, kind.mainTable)
  const base = {
    kind: kind.name,
    file: file.name,
    sha256: file.sha256,
    rows: parsed.rows,
    table: kind.mainTable,
  }
  const common = {
    ...base,
    warnings: parsed.warnings,
    window: parsed.window,
    tableRowsBefore: before,
  }
  if (!request.force && (await lastImportedSha(deps.warehouse, kind.name, scope)) === file.sha256) {
    deps.logger.info('import.unchanged', { kind: kind.name, file: file.name, rows: parsed.rows })
    return { ...common, status: 'unchanged', rowsWritten: {}, tableRowsAfter: before }
  }
  const { loadId, rowsWritten } = await loadImport(deps, kind, file, parsed, scope)
  const after = await countRows(deps.warehouse, kind.mainTable)
  return { ...common, status: 'imported', rowsWritten, tableRowsAfter: after, loadId }
}

/** The kind and its options, or a USAGE error (exit 2): callers check before opening anything. */
export function resolveImportRequest(request: ImportRequest): {
  kind: ImportKind
  options: ImportOptions
} {
  const kind = importKindOrThrow(request.kind)
  return { kind, options: checkOptions(kind, request) }
}

function checkOptions(kind: ImportKind, request: ImportRequest): ImportOptions {
  if (!kind.takesMonth) {
    if (request.month !== undefined)
      throw usage(`--month applies only to claude-code-team, not ${kind.name}.`)
    return {}
  }
  if (request.month === undefined) {
    throw usage(
      `${kind.name} is a month-to-date export that does not say its month: give --month YYYY-MM.`,
    )
  }
  const month = parseMonth(request.month)
  if (!month) throw usage('--month must be a month as YYYY-MM, e.g. 2026-10.')
  return { month: month.month }
}

function usage(message: string): PipelineError {
  return new PipelineError('USAGE', message)
}

async function loadImport(
  deps: ImportDeps,
  kind: ImportKind,
  file: ImportFile,
  parsed: ParsedImport,
  scope: string,
) {
  const startedAt = deps.clock.now()
  const runId = newRunId(startedAt)
  const loadId = newLoadId(runId, 1)
  const tables = [...parsed.tables, fileRecord(kind, file, parsed, scope, startedAt)]
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

/** import_files: which file was imported for which kind and scope, and when. */
function fileRecord(
  kind: ImportKind,
  file: ImportFile,
  parsed: ParsedImport,
  scope: string,
  at: Date,
): TableLoad {
  return {
    table: 'import_files',
    disposition: 'merge',
    primaryKey: ['kind', 'scope', 'file_sha256'],
    rows: [
      {
        kind: kind.name,
        scope,
        file_sha256: file.sha256,
        file_name: file.name,
        data_rows: parsed.rows,
        warnings: JSON.stringify(parsed.warnings),
        imported_at: at.toISOString(),
      },
    ],
  }
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

async function countRows(warehouse: Warehouse, table: string): Promise<number> {
  const [row] = await warehouse.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n ?? 0)
}

async function lastImportedSha(
  warehouse: Warehouse,
  kind: string,
  scope: string,
): Promise<string | undefined> {
  const rows = await warehouse.query<{ file_sha256: string }>(
    'SELECT file_sha256 FROM import_files WHERE kind = $kind AND scope = $scope ' +
      'ORDER BY imported_at DESC, _load_id DESC LIMIT 1',
    { params: { kind, scope } },
  )
  return rows[0]?.file_sha256
}
