// What an import kind is: a documented file format and a pure parse from file to warehouse
// loads. Parsing validates every row before anything is returned, so the first bad row stops
// the import before the warehouse is touched; runImport() then loads all tables in one unit.

import type { DayRange } from '../core/days.js'
import type { TableLoad, Warehouse } from '../warehouse/warehouse.js'
import type { ImportFile } from './file.js'

export const IMPORT_KIND_NAMES = [
  'claude-ai-activity',
  'claude-code-team',
  'invoices',
  'identity-map',
] as const

export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number]

export interface ImportOptions {
  /** 'YYYY-MM': the month a month-to-date export covers (claude-code-team only). */
  month?: string
}

export interface ParsedImport {
  /** Every table the import writes, in load order (parents before children). */
  tables: TableLoad[]
  /** Data rows in the file (not counting the header). */
  rows: number
  /** Days the data covers, for the load record. */
  window?: DayRange
  warnings: string[]
}

export interface ImportKind {
  name: ImportKindName
  title: string
  /** The table `ai-usage import` reports row counts for. */
  mainTable: string
  /** Help text: the columns, one line. */
  columns: string
  /** Help text: a header and one data line. */
  example: string
  /** Whether --month is required (true) or refused (false). */
  takesMonth: boolean
  parse(file: ImportFile, options: ImportOptions): ParsedImport
  /** Warnings that need what is already loaded (e.g. figures going down); read-only. */
  compare?(parsed: ParsedImport, query: ReadQuery): Promise<string[]>
}

/** The read-only part of the warehouse a kind may use to compare a file with loaded data. */
export type ReadQuery = Warehouse['query']
