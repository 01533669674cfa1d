// Helpers for the import kinds' unit tests: parse text as a named file, read a fixture, and
// catch the located error an invalid file must raise.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PipelineError } from '../core/errors.js'
import type { Row } from '../core/records.js'
import { importFileFromText } from './file.js'
import type { ImportKind, ImportOptions, ParsedImport } from './kind.js'

export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8')
}

export function parseText(
  kind: ImportKind,
  text: string,
  options: ImportOptions = {},
  name = 'file.csv',
): ParsedImport {
  return kind.parse(importFileFromText(name, text), options)
}

/** Rows of the parsed import's table `table` (default: its first). */
export function rowsOf(parsed: ParsedImport, table?: string): Row[] {
  const load = table ? parsed.tables.find((t) => t.table === table) : parsed.tables[0]
  return [...(load?.rows ?? [])]
}

export function importErrorOf(run: () => unknown): PipelineError {
  try {
    run()
  } catch (error) {
    if (error instanceof PipelineError) return error
    throw error
  }
  throw new Error('expected the import to be refused')
}
