// Invoices CSV → import_invoices (one row per invoice) + import_invoice_lines (its lines),
// money with basis `invoiced`. Both merge on natural keys (provider, invoice_id[, line_item]),
// so re-importing a corrected file updates in place. A line dropped from a corrected file
// stays in the table but no longer carries its invoice's _load_id: the views only read lines
// whose _load_id matches their invoice's, and the invoice total is this import's sum.

import { sum, toDecimalString } from '../core/money.js'
import type { Row } from '../core/records.js'
import { importError } from './errors.js'
import type { ImportFile } from './file.js'
import { INVOICE_COLUMNS, parseInvoiceLine, type InvoiceLine } from './invoice-lines.js'
import type { ImportKind, ParsedImport } from './kind.js'
import { readCsvTable, sourceCells } from './table.js'

export const invoicesKind: ImportKind = {
  name: 'invoices',
  title: 'vendor invoices (one row per line item)',
  mainTable: 'import_invoices',
  columns:
    'provider, invoice_id, period (YYYY-MM) or period_start + period_end, amount, currency (USD); ' +
    'optional line_item, description, service, quantity, unit, invoice_date',
  example:
    'provider,invoice_id,period,line_item,description,amount,currency\n' +
    'cursor,INV-2026-10,2026-10,seats,Business seats × 40,"$1,600.00",USD',
  takesMonth: false,
  parse: parseInvoices,
}

function parseInvoices(file: ImportFile): ParsedImport {
  const table = readCsvTable(file, INVOICE_COLUMNS)
  checkPeriodColumns(file, table.columns)
  const invoices = new Map<string, InvoiceLine[]>()
  for (const row of table.rows) addLine(invoices, parseInvoiceLine(row))
  const lines = [...invoices.values()].flatMap((group) => lineRows(file, group))
  const heads = [...invoices.values()].map((group) => invoiceRow(file, group))
  const starts = heads.map((h) => h.period_start as string).sort()
  const ends = heads.map((h) => h.period_end as string).sort()
  return {
    tables: [
      {
        table: 'import_invoices',
        disposition: 'merge',
        primaryKey: ['provider', 'invoice_id'],
        rows: heads,
      },
      {
        table: 'import_invoice_lines',
        disposition: 'merge',
        primaryKey: ['provider', 'invoice_id', 'line_item'],
        rows: lines,
      },
    ],
    rows: table.rows.length,
    window: starts.length ? { from: starts[0]!, to: ends.at(-1)! } : undefined,
    warnings: [],
  }
}

/** `period`, or both `period_start` and `period_end`, must be in the header. */
function checkPeriodColumns(file: ImportFile, columns: string[]): void {
  const has = (c: string) => columns.includes(c)
  const missing =
    has('period_start') !== has('period_end')
      ? has('period_start')
        ? 'period_end'
        : 'period_start'
      : undefined
  if (missing || (!has('period') && !has('period_start'))) {
    const field = missing ?? 'period'
    throw importError(
      { file: file.name, line: 1, field },
      'Missing column: give period (YYYY-MM) or period_start and period_end.',
    )
  }
}

/**
 * Adds a line to its invoice's group, in file order so the first bad line is the one
 * reported: lines of one invoice must agree on period and invoice date, and a blank
 * line_item becomes the line's position in its invoice ('1', '2', …).
 */
function addLine(groups: Map<string, InvoiceLine[]>, line: InvoiceLine): void {
  const key = JSON.stringify([line.provider, line.invoiceId])
  const group = groups.get(key) ?? []
  if (group[0]) checkSameInvoice(group[0], line)
  line.lineItem ??= String(group.length + 1)
  const earlier = group.find((l) => l.lineItem === line.lineItem)
  if (earlier) {
    throw importError(
      line.row.where('line_item'),
      `Line item already used by line ${earlier.line} of this invoice.`,
    )
  }
  group.push(line)
  groups.set(key, group)
}

function checkSameInvoice(first: InvoiceLine, line: InvoiceLine): void {
  const differs = (field: string) =>
    importError(
      line.row.where(field),
      `This invoice's line on line ${first.line} has a different ${field}.`,
    )
  if (line.periodStart !== first.periodStart)
    throw differs(line.row.has('period') ? 'period' : 'period_start')
  if (line.periodEnd !== first.periodEnd) throw differs('period_end')
  if (line.invoiceDate !== first.invoiceDate) throw differs('invoice_date')
}

function invoiceRow(file: ImportFile, group: InvoiceLine[]): Row {
  const first = group[0]!
  return {
    provider: first.provider,
    invoice_id: first.invoiceId,
    period_start: first.periodStart,
    period_end: first.periodEnd,
    invoice_date: first.invoiceDate,
    currency: 'USD',
    total_usd: toDecimalString(sum(group.map((l) => l.amount))),
    line_count: group.length,
    basis: 'invoiced',
    ...sourceCells(file, first.line),
  }
}

function lineRows(file: ImportFile, group: InvoiceLine[]): Row[] {
  return group.map((line, i) => ({
    provider: line.provider,
    invoice_id: line.invoiceId,
    line_item: line.lineItem,
    line_number: i + 1,
    period_start: line.periodStart,
    period_end: line.periodEnd,
    ...line.details,
    amount_usd: toDecimalString(line.amount),
    currency: 'USD',
    basis: 'invoiced',
    raw_json: line.row.rawJson(),
    ...sourceCells(file, line.line),
  }))
}
