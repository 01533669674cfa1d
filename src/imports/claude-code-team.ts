// Claude Code team export (Anthropic console → Claude Code → team) → import_claude_code_team.
// Its figures are month-to-date totals per person and the file does not say which month, so
// --month is required. Being cumulative, a later export of a month replaces that month's rows
// whole (replace_window on `month`): people are never added twice and a month never sums two
// snapshots. Numbers are display-formatted ("$1,034.83", "15,344") and parsed exactly.

import type { Row } from '../core/records.js'
import { toDecimalString } from '../core/money.js'
import { importError } from './errors.js'
import type { ImportFile } from './file.js'
import type { ImportKind, ImportOptions, ParsedImport } from './kind.js'
import { readCsvTable, sourceCells, type DataRow } from './table.js'
import { compareTeamMonth } from './team-regression.js'
import {
  normalizeEmail,
  parseDisplayCount,
  parseDisplayDollars,
  parseMonth,
  type MonthRange,
} from './values.js'

const USER = 'user'
const SPEND = 'spend_this_month_(usd)'
const LINES = 'lines_this_month'

export const claudeCodeTeamKind: ImportKind = {
  name: 'claude-code-team',
  title: 'Claude Code team export (month-to-date)',
  mainTable: 'import_claude_code_team',
  columns: 'User, Spend this Month (USD) (optional), Lines this Month',
  example: 'User,Spend this Month (USD),Lines this Month\nmara@example.com,"$1,034.83","15,344"',
  takesMonth: true,
  parse: parseTeamExport,
  compare: compareTeamMonth,
}

function parseTeamExport(file: ImportFile, options: ImportOptions): ParsedImport {
  const month = parseMonth(options.month ?? '')
  if (!month)
    throw importError({ file: file.name, line: 1 }, 'A month (--month YYYY-MM) is required.')
  const table = readCsvTable(file, { required: [USER, LINES], optional: [SPEND], strict: true })
  const seen = new Map<string, number>()
  const rows = table.rows.map((row) => toTeamRow(file, row, month, seen))
  return {
    tables: [
      {
        table: 'import_claude_code_team',
        disposition: 'replace_window',
        primaryKey: ['month', 'email'],
        window: { from: month.first, to: month.first, column: 'month' },
        rows,
      },
    ],
    rows: rows.length,
    window: { from: month.first, to: month.last },
    warnings: fileNameWarnings(file.name, month),
  }
}

function toTeamRow(
  file: ImportFile,
  row: DataRow,
  month: MonthRange,
  seen: Map<string, number>,
): Row {
  const email = normalizeEmail(row.get(USER))
  if (!email) throw importError(row.where(USER), "Expected the person's email address.")
  const first = seen.get(email)
  if (first !== undefined) {
    throw importError(
      row.where(USER),
      `This person is already on line ${first} (emails compare case-insensitively).`,
    )
  }
  seen.set(email, row.line)
  return {
    month: month.first,
    email,
    spend_usd: row.has(SPEND) ? spendOf(row) : null,
    lines: linesOf(row),
    spend_text: row.has(SPEND) ? row.get(SPEND) : null,
    lines_text: row.get(LINES),
    raw_json: row.rawJson(),
    ...sourceCells(file, row.line),
  }
}

function spendOf(row: DataRow): string {
  const amount = parseDisplayDollars(row.get(SPEND))
  if (amount === undefined || amount < 0n) {
    throw importError(row.where(SPEND), 'Expected a dollar amount such as $1,034.83.')
  }
  return toDecimalString(amount)
}

function linesOf(row: DataRow): number {
  const lines = parseDisplayCount(row.get(LINES))
  if (lines === undefined)
    throw importError(row.where(LINES), 'Expected a whole number such as 15,344.')
  return lines
}

/** Export files are named claude_code_team_<from>_to_<to>.csv: say so when that disagrees. */
function fileNameWarnings(name: string, month: MonthRange): string[] {
  const outside = (name.match(/\d{4}-\d{2}-\d{2}/g) ?? []).filter((d) => !d.startsWith(month.month))
  if (outside.length === 0) return []
  return [
    `The file name mentions ${outside.join(', ')}, outside --month ${month.month}: check the month ` +
      "(its figures are stored as that month's month-to-date totals).",
  ]
}
