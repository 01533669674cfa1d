// Import errors. Every problem in a file is located by file, line (1-based, the header is
// line 1) and field, in the error's context, and the message says what was expected — never
// the offending value (exports hold personal data; messages end up in logs).

import { PipelineError } from '../core/errors.js'

export interface ImportWhere {
  /** The file's base name. */
  file: string
  line: number
  field?: string
}

/** IMPORT_INVALID for one located problem: the import stops and loads nothing. */
export function importError(where: ImportWhere, message: string, cause?: unknown): PipelineError {
  return new PipelineError('IMPORT_INVALID', message, {
    cause,
    context: { file: where.file, line: where.line, field: where.field },
  })
}

/** Re-locates an error thrown by a value parser (which knows the field, not the line). */
export function locateImportError(error: unknown, where: ImportWhere): PipelineError {
  if (error instanceof PipelineError && error.code === 'IMPORT_INVALID') {
    return error.withContext({ file: where.file, line: where.line, field: where.field })
  }
  const message = error instanceof Error ? error.message : String(error)
  return importError(where, message, error)
}
