// Extract + normalize for one window: reads every page the resource yields and turns each
// into rows per table straight away, so a malformed page fails with its page number and
// day before anything is loaded. Rows stay in memory for one chunk only.

import type { DayRange } from '../core/days.js'
import { PipelineError } from '../core/errors.js'
import type { Row } from '../core/records.js'
import type { ExtractContext, Resource } from '../sources/source.js'

export interface ExtractedChunk {
  rowsByTable: Map<string, Row[]>
  pages: number
  retries: number
}

export async function extractChunk(
  resource: Resource,
  ctx: ExtractContext,
  window: DayRange | undefined,
  capturedAt: string,
): Promise<ExtractedChunk> {
  const declared = new Set(resource.tables.map((t) => t.name))
  const rowsByTable = new Map<string, Row[]>(resource.tables.map((t) => [t.name, []]))
  let pages = 0
  let retries = 0
  for await (const page of resource.extract(ctx, window)) {
    if (ctx.signal?.aborted)
      throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted')
    pages++
    retries += page.retries ?? 0
    const tables = resource.normalize(page, { window: page.window ?? window, capturedAt })
    for (const [table, rows] of Object.entries(tables)) {
      if (!declared.has(table)) {
        throw new PipelineError(
          'INTERNAL',
          `normalize returned rows for undeclared table ${table}`,
          { context: { table } },
        )
      }
      const target = rowsByTable.get(table)!
      for (const row of rows) target.push(row)
    }
  }
  return { rowsByTable, pages, retries }
}
