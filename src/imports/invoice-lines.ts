// One invoices-CSV row → one validated invoice line. The format is ours (docs/imports.md):
// a row per line item; the period is either `period` (YYYY-MM) or `period_start` and
// `period_end` (inclusive days — Cursor cycles need not start on the 1st); amounts are exact
// decimals with or without '$' and thousands separators; only USD (we never convert).

import type { Money } from '../core/money.js'
import type { Day } from '../core/days.js'
import { importError } from './errors.js'
import type { DataRow } from './table.js'
import {
  blankToNull,
  parseDay,
  parseDisplayDecimal,
  parseDisplayDollars,
  parseMonth,
} from './values.js'

export const INVOICE_COLUMNS = {
  required: ['provider', 'invoice_id', 'amount', 'currency'],
  optional: [
    'period',
    'period_start',
    'period_end',
    'line_item',
    'description',
    'service',
    'quantity',
    'unit',
    'invoice_date',
  ],
  strict: true,
} as const

export interface InvoiceLine {
  line: number
  provider: string
  invoiceId: string
  /** As written, or blank (then numbered by position within the invoice). */
  lineItem: string | null
  periodStart: Day
  periodEnd: Day
  invoiceDate: Day | null
  amount: Money
  details: ReturnType<typeof lineDetails>
  row: DataRow
}

const PROVIDER_RE = /^[a-z][a-z0-9_-]*$/

export function parseInvoiceLine(row: DataRow): InvoiceLine {
  const provider = row.get('provider').trim().toLowerCase()
  if (!PROVIDER_RE.test(provider)) {
    throw importError(
      row.where('provider'),
      'Expected a provider name such as anthropic, cursor, openai or github.',
    )
  }
  const invoiceId = row.get('invoice_id').trim()
  if (!invoiceId) throw importError(row.where('invoice_id'), 'The invoice id is empty.')
  checkCurrency(row)
  const amount = parseDisplayDollars(row.get('amount'))
  if (amount === undefined) {
    throw importError(row.where('amount'), 'Expected an amount such as 1034.83 or $1,034.83.')
  }
  return {
    line: row.line,
    provider,
    invoiceId,
    lineItem: blankToNull(row.get('line_item')),
    ...periodOf(row),
    invoiceDate: optionalDay(row, 'invoice_date'),
    amount,
    details: lineDetails(row),
    row,
  }
}

function checkCurrency(row: DataRow): void {
  const currency = row.get('currency').trim().toUpperCase()
  if (currency !== 'USD') {
    throw importError(
      row.where('currency'),
      'Only USD invoices can be imported: amounts are never converted. Leave this invoice out or convert it at the invoiced rate yourself.',
    )
  }
}

function periodOf(row: DataRow): { periodStart: Day; periodEnd: Day } {
  const monthText = row.get('period').trim()
  const hasRange = row.get('period_start').trim() !== '' || row.get('period_end').trim() !== ''
  if (monthText && hasRange) {
    throw importError(
      row.where('period'),
      'Give either period or period_start and period_end, not both.',
    )
  }
  if (monthText) {
    const month = parseMonth(monthText)
    if (!month) throw importError(row.where('period'), 'Expected a month such as 2026-10.')
    return { periodStart: month.first, periodEnd: month.last }
  }
  const periodStart = requiredDay(row, 'period_start')
  const periodEnd = requiredDay(row, 'period_end')
  if (periodEnd < periodStart)
    throw importError(row.where('period_end'), 'The period ends before it starts.')
  return { periodStart, periodEnd }
}

function requiredDay(row: DataRow, column: string): Day {
  const day = optionalDay(row, column)
  if (!day)
    throw importError(
      row.where(column),
      'Expected a day such as 2026-10-01 (or use period YYYY-MM).',
    )
  return day
}

function optionalDay(row: DataRow, column: string): Day | null {
  const text = row.get(column).trim()
  if (!text) return null
  const day = parseDay(text)
  if (!day) throw importError(row.where(column), 'Expected a day such as 2026-10-01.')
  return day
}

/** The optional detail columns of a line, validated. */
export function lineDetails(row: DataRow) {
  const quantityText = row.get('quantity').trim()
  const quantity = quantityText ? parseDisplayDecimal(quantityText) : null
  if (quantity === undefined)
    throw importError(row.where('quantity'), 'Expected a number such as 1,234 or 0.5.')
  return {
    service: blankToNull(row.get('service')),
    description: blankToNull(row.get('description')),
    quantity,
    unit: blankToNull(row.get('unit')),
    amount_text: row.get('amount').trim(),
  }
}
