// import_files, the log of files imported per kind and scope: the row written with each
// import, and the look-up that decides "unchanged" (this file is the last one imported for the
// same kind and month). "Last" is by imported_at, kept strictly increasing per kind and scope
// rather than trusting two clock readings to differ. Also the row counts the command reports.

import type { TableLoad, Warehouse } from '../warehouse/warehouse.js'
import type { ImportFile } from './file.js'
import type { ImportKind, ParsedImport } from './kind.js'

/** import_files: which file was imported for which kind and scope, and when. */
export function fileRecord(
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

export async function countRows(warehouse: Warehouse, table: string): Promise<number> {
  const [row] = await warehouse.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n ?? 0)
}

export interface LastImport {
  sha256: string
  /** ISO-8601 UTC. */
  importedAt: string
}

/** The file imported last for this kind and scope (imported_at is strictly increasing). */
export async function lastImport(
  warehouse: Warehouse,
  kind: string,
  scope: string,
): Promise<LastImport | undefined> {
  const rows = await warehouse.query<{ file_sha256: string; imported_at: string }>(
    'SELECT file_sha256, imported_at FROM import_files WHERE kind = $kind AND scope = $scope ' +
      'ORDER BY imported_at DESC LIMIT 1',
    { params: { kind, scope } },
  )
  const row = rows[0]
  return row ? { sha256: row.file_sha256, importedAt: row.imported_at } : undefined
}

/**
 * The imported_at of a new import: now, or 1 ms after the last import of the same kind and
 * scope when the clock has not moved past it (a fixed test clock, two imports in one tick),
 * so "the last file imported" is never a tie.
 */
export function nextImportTime(now: Date, last: LastImport | undefined): Date {
  const after = last ? Date.parse(last.importedAt) + 1 : Number.NEGATIVE_INFINITY
  return new Date(Math.max(now.getTime(), after))
}
