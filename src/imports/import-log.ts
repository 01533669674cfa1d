// import_files, the log of files imported per kind and scope: the row written with each
// import, and the look-up that decides "unchanged" (this file is the last one imported for the
// same kind and month). Also the row counts `ai-usage import` reports.

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

export async function lastImportedSha(
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
