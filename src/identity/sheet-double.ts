// A local stand-in for the Sheets API's `values.get` (tests and demos): a loopback Hono server
// that answers GET /v4/spreadsheets/{id}/values/{range} in Google's shape — rows with their
// trailing empty cells dropped, no `values` at all for an empty range — and Google's error
// shape for a wrong token (401) or an unknown sheet (404). It records what it was asked.

import { Hono } from 'hono'
import { startServer } from '../simulators/shared/server.js'

export interface SheetDoubleOptions {
  /** The one token it accepts as `Authorization: Bearer …`. */
  token: string
  /** Sheets by id: every row's cells as the user typed them (header first). */
  sheets: Record<string, string[][]>
}

export interface SheetDouble {
  url: string
  requests: { sheetId: string; range: string; query: Record<string, string> }[]
  /** Replaces a sheet's rows (the organization edits the map). */
  setRows(sheetId: string, rows: string[][]): void
  close(): Promise<void>
}

export async function startSheetDouble(options: SheetDoubleOptions): Promise<SheetDouble> {
  const sheets = new Map(Object.entries(options.sheets))
  const requests: SheetDouble['requests'] = []
  const app = new Hono()
  app.get('/v4/spreadsheets/:id/values/:range', (c) => {
    const sheetId = c.req.param('id')
    const range = decodeURIComponent(c.req.param('range'))
    requests.push({ sheetId, range, query: c.req.query() })
    if (c.req.header('authorization') !== `Bearer ${options.token}`)
      return c.json(googleError(401, 'UNAUTHENTICATED', 'Request had invalid credentials.'), 401)
    const rows = sheets.get(sheetId)
    if (!rows) return c.json(googleError(404, 'NOT_FOUND', 'Requested entity was not found.'), 404)
    const trimmed = rows.map(trimTrailing)
    const values = trimmed.slice(0, lastFilled(trimmed))
    return c.json({ range, majorDimension: 'ROWS', ...(values.length ? { values } : {}) })
  })
  const server = await startServer(app)
  return {
    url: server.url,
    requests,
    setRows: (id, rows) => void sheets.set(id, rows),
    close: () => server.close(),
  }
}

function trimTrailing(row: string[]): string[] {
  let end = row.length
  while (end > 0 && row[end - 1] === '') end--
  return row.slice(0, end)
}

/** Google drops empty rows at the end of a range, keeps those in between. */
function lastFilled(rows: string[][]): number {
  let last = -1
  rows.forEach((r, i) => {
    if (r.length > 0) last = i
  })
  return last + 1
}

function googleError(code: number, status: string, message: string) {
  return { error: { code, message, status } }
}
