// The identity-sheet step: read the organization's identity map from its Google Sheet and
// import it exactly as `ai-usage import identity-map <csv>` would (same columns, validation,
// whole-map replace, unchanged-file skip), by writing the cells as CSV to a temporary file.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sheetRowsToCsv } from '../identity/sheet-csv.js'
import type { IdentitySheetReader } from '../identity/sheet.js'
import { runImport } from '../imports/run.js'
import type { DeriveContext, StepResult } from './derive-load.js'

export async function syncIdentitySheet(
  ctx: DeriveContext,
  reader: IdentitySheetReader,
): Promise<StepResult> {
  const csv = sheetRowsToCsv(await reader.readValues())
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
