// The identity-sheet step: read the organization's identity map from its Google Sheet and
// import it exactly as `ai-usage import identity-map <csv>` would (same columns, validation,
// whole-map replace, unchanged-file skip), by writing the cells as CSV to a temporary file.
// Blank sheet rows stay blank lines, so an import error's line number is the sheet's row.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IdentitySheetReader } from '../identity/sheet.js'
import { runImport } from '../imports/run.js'
import type { DeriveContext, StepResult } from './derive-load.js'

export async function syncIdentitySheet(
  ctx: DeriveContext,
  reader: IdentitySheetReader,
): Promise<StepResult> {
  const csv = toCsv(await reader.readValues())
  const dir = await mkdtemp(join(tmpdir(), 'ai-usage-sheet-'))
  try {
    const path = join(dir, `${reader.name}.csv`)
    await writeFile(path, csv, 'utf8')
    const deps = { warehouse: ctx.warehouse, clock: ctx.clock, logger: ctx.logger }
    const result = await runImport(deps, { kind: 'identity-map', path })
    const note = result.status === 'unchanged' ? 'sheet unchanged since the last import' : undefined
    return { loads: result.status === 'imported' ? 1 : 0, rows: result.rows, note }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** RFC 4180 CSV of the sheet's rows, each padded to the header's width. */
export function toCsv(rows: readonly string[][]): string {
  const width = rows[0]?.length ?? 0
  return rows
    .map((row) => {
      if (row.every((cell) => cell.trim() === '')) return ''
      const padded = [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')]
      return padded.map(csvCell).join(',')
    })
    .join('\r\n')
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}
