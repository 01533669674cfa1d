// Reads an export from disk: bytes → sha256 (the file's identity for "same file twice") →
// strict UTF-8 text without its byte-order mark. A spreadsheet saved as Windows-1252 fails
// here, naming the file, rather than importing mangled names.

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { PipelineError } from '../core/errors.js'
import { importError } from './errors.js'

export interface ImportFile {
  path: string
  /** Base name: what errors and `source_file` columns show. */
  name: string
  /** Hex sha256 of the bytes as read. */
  sha256: string
  text: string
}

export async function readImportFile(path: string): Promise<ImportFile> {
  const name = basename(path)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new PipelineError('USAGE', `Cannot read the file to import: ${describeFsError(error)}.`, {
      cause: error,
      context: { file: name },
    })
  }
  return {
    path,
    name,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: decode(bytes, name),
  }
}

/** Decodes text given in memory (tests, other callers) the same way a file is. */
export function importFileFromText(name: string, text: string): ImportFile {
  const bytes = Buffer.from(text, 'utf8')
  return {
    path: name,
    name,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: decode(bytes, name),
  }
}

function decode(bytes: Buffer, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return text.startsWith('\uFEFF') ? text.slice(1) : text
  } catch (error) {
    throw importError(
      { file: name, line: 1 },
      'The file is not UTF-8 text. Export it as CSV UTF-8 (or re-save it with that encoding).',
      error,
    )
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOENT') return 'it does not exist'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES') return 'permission denied'
  return typeof code === 'string' ? code : 'unknown error'
}
