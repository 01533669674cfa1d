// A Claude Code team export replaces its month whole, so importing an older export after a
// newer one would quietly turn the month's figures back. Month-to-date figures only grow:
// when this file's are lower than the loaded ones, or people vanish, say so (a warning — the
// import still replaces the month, as asked).

import type { Row } from '../core/records.js'
import { fromDecimalString } from '../core/money.js'
import type { ParsedImport, ReadQuery } from './kind.js'

interface LoadedFigures extends Record<string, unknown> {
  email: string
  spend_usd: string | null
  lines: number | string
}

/** Warnings comparing the parsed month with the month as loaded before this import. */
export async function compareTeamMonth(parsed: ParsedImport, query: ReadQuery): Promise<string[]> {
  const rows = parsed.tables[0]?.rows ?? []
  const month = parsed.window?.from
  if (!month) return []
  const loaded = await query<LoadedFigures>(
    'SELECT email, spend_usd, lines FROM import_claude_code_team WHERE month = $month',
    { params: { month } },
  )
  const next = new Map(rows.map((r) => [r.email as string, r]))
  const lower = loaded.filter((old) => isLower(next.get(old.email), old))
  const gone = loaded.filter((old) => !next.has(old.email))
  const warnings: string[] = []
  if (lower.length > 0) {
    warnings.push(
      `${people(lower.length)} lower month-to-date figures than the export imported before for ` +
        `${month.slice(0, 7)}: is this an older export? The month was replaced with this file's figures.`,
    )
  }
  if (gone.length > 0) {
    warnings.push(
      `Removed from ${month.slice(0, 7)}: ${gone.length} of the people in the export imported before ` +
        'are not in this one.',
    )
  }
  return warnings
}

function people(n: number): string {
  return n === 1 ? '1 person has' : `${n} people have`
}

function isLower(row: Row | undefined, old: LoadedFigures): boolean {
  if (!row) return false
  if (Number(row.lines) < Number(old.lines)) return true
  if (row.spend_usd === null || old.spend_usd === null) return false
  return fromDecimalString(row.spend_usd as string) < fromDecimalString(old.spend_usd)
}
