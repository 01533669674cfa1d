// Runs one import: validate options, read and parse the whole file (the first bad row stops
// it, nothing loaded), then load every table plus the file record in ONE warehouse unit of
// work with a load record (vendor 'import', resource = kind). A file identical to the last one
// imported for the same kind (and month) is reported unchanged and writes nothing; any other
// file relies on its kind's keys, so an overlapping or corrected file never doubles a row.

import type { DayRange } from '../core/days.js'
import { PipelineError } from '../core/errors.js'
import { readImportFile } from './file.js'
import { countRows, lastImport, nextImportTime } from './import-log.js'
import type { ImportKind, ImportKindName, ImportOptions, ReadQuery } from './kind.js'
import { loadImport, type ImportDeps } from './load.js'
import { importKindOrThrow } from './registry.js'
import { parseMonth } from './values.js'

export type { ImportDeps } from './load.js'

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
  const startedAt = deps.clock.now()
  const file = await readImportFile(request.path)
  const parsed = kind.parse(file, options)
  const query: ReadQuery = (sql, o) => deps.warehouse.query(sql, o)
  parsed.warnings.push(...((await kind.compare?.(parsed, query)) ?? []))
  const scope = options.month ? `month=${options.month}` : ''
  const before = await countRows(deps.warehouse, kind.mainTable)
  const common = {
    ...{ kind: kind.name, file: file.name, sha256: file.sha256, table: kind.mainTable },
    ...{ rows: parsed.rows, warnings: parsed.warnings, window: parsed.window },
    tableRowsBefore: before,
  }
  const last = await lastImport(deps.warehouse, kind.name, scope)
  if (!request.force && last?.sha256 === file.sha256) {
    deps.logger.info('import.unchanged', { kind: kind.name, file: file.name, rows: parsed.rows })
    return { ...common, status: 'unchanged', rowsWritten: {}, tableRowsAfter: before }
  }
  const importedAt = nextImportTime(deps.clock.now(), last)
  const loaded = await loadImport(deps, { kind, file, parsed, scope, startedAt, importedAt })
  const after = await countRows(deps.warehouse, kind.mainTable)
  return { ...common, status: 'imported', ...loaded, tableRowsAfter: after }
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
