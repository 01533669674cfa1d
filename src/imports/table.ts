// A CSV file as a header plus located data rows, checked against the columns a kind expects.
// Header names match case-insensitively with spaces as underscores ('Valid From' = valid_from).
// Unknown columns are an error in our own formats (a typo such as `vaild_from` must not fall
// back to a default silently) and ignored — but kept in raw_json — in vendor exports, which
// grow columns without notice.

import type { Row } from '../core/records.js'
import { rawJson } from '../core/records.js'
import { CsvSyntaxError, parseCsv } from './csv.js'
import { importError, type ImportWhere } from './errors.js'
import type { ImportFile } from './file.js'

export interface ColumnSpec {
  required: readonly string[]
  optional?: readonly string[]
  /** true: columns outside required/optional are an error (our formats). */
  strict: boolean
}

export interface DataRow {
  line: number
  /** Cell text by normalized column name ('' for an empty cell). */
  get(column: string): string
  has(column: string): boolean
  where(field?: string): ImportWhere
  /** The row as the file had it: original header → cell text, as JSON. */
  rawJson(): string
}

export interface CsvTable {
  file: ImportFile
  /** Normalized header names in file order. */
  columns: string[]
  rows: DataRow[]
}

export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_')
}

/** Parses the whole file and checks its header; every row has the header's field count. */
export function readCsvTable(file: ImportFile, spec: ColumnSpec): CsvTable {
  let header: string[] | undefined
  let index: Map<string, number> | undefined
  const rows: DataRow[] = []
  try {
    for (const record of parseCsv(file.text)) {
      if (!header) {
        header = record.cells
        checkHeader(file, record.line, header.map(normalizeHeader), spec)
        index = new Map(header.map((h, i) => [normalizeHeader(h), i]))
        continue
      }
      rows.push(toDataRow(file, header, index!, record.line, record.cells))
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    const field = header?.[error.column - 1] ?? `column ${error.column}`
    throw importError(
      { file: file.name, line: error.line, field },
      `Malformed CSV: ${error.message}.`,
      error,
    )
  }
  if (!header)
    throw importError({ file: file.name, line: 1 }, 'The file is empty: expected a header line.')
  return { file, columns: header.map(normalizeHeader), rows }
}

function checkHeader(file: ImportFile, line: number, names: string[], spec: ColumnSpec): void {
  const at = (field: string) => ({ file: file.name, line, field })
  const known = new Set([...spec.required, ...(spec.optional ?? [])])
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      throw importError(at(name), 'The header names this column twice.')
    if (spec.strict && !known.has(name)) {
      throw importError(at(name), `Unknown column. Expected columns: ${[...known].join(', ')}.`)
    }
  })
  const missing = spec.required.find((c) => !names.includes(c))
  if (missing) throw importError(at(missing), `Missing required column ${missing}.`)
}

function toDataRow(
  file: ImportFile,
  header: string[],
  index: Map<string, number>,
  line: number,
  cells: string[],
): DataRow {
  if (cells.length !== header.length) {
    const field = header[Math.min(cells.length, header.length - 1)]
    throw importError(
      { file: file.name, line, field },
      `The row has ${cells.length} fields but the header has ${header.length}.`,
    )
  }
  return {
    line,
    get: (column) => cells[index.get(column) ?? -1] ?? '',
    has: (column) => index.has(column),
    where: (field) => ({ file: file.name, line, field }),
    rawJson: () => rawJson(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))),
  }
}

/** The columns every imported row carries: where it came from, for audit and re-imports. */
export function sourceCells(file: ImportFile, line: number): Row {
  return { source_file: file.name, source_sha256: file.sha256, source_line: line }
}
