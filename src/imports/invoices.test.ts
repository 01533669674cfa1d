import { describe, expect, it } from 'vitest'
import { invoicesKind } from './invoices.js'
import { fixture, importErrorOf, parseText, rowsOf } from './test-support.js'

const parse = (text: string) => parseText(invoicesKind, text, {}, 'invoices.csv')
const HEADER = 'provider,invoice_id,period,line_item,amount,currency'

describe('invoices CSV', () => {
  it('groups lines into invoices with exact totals and basis invoiced', () => {
    const parsed = parse(fixture('invoices.csv'))
    expect(
      rowsOf(parsed, 'import_invoices').map((r) => [
        r.provider,
        r.invoice_id,
        r.period_start,
        r.period_end,
        r.total_usd,
        r.line_count,
        r.basis,
      ]),
    ).toEqual([
      ['anthropic', 'INV-A-2026-10', '2026-10-01', '2026-10-31', '1034.830000000', 1, 'invoiced'],
      ['cursor', 'CUR-8842', '2026-10-15', '2026-11-14', '2262.300000000', 3, 'invoiced'],
    ])
    const lines = rowsOf(parsed, 'import_invoice_lines')
    expect(lines.map((l) => [l.line_item, l.amount_usd, l.quantity, l.source_line])).toEqual([
      ['api', '1034.830000000', null, 2],
      ['seats', '1600.000000000', '40.000000000', 3],
      ['usage', '712.300000000', '8343.000000000', 4],
      ['credit', '-50.000000000', null, 5],
    ])
    expect(lines[2]!.description).toBe('Usage-based requests ("fast")')
    expect(parsed.window).toEqual({ from: '2026-10-01', to: '2026-11-14' })
  })

  it('numbers blank line items by their position in the invoice', () => {
    const text = `${HEADER}\ncursor,I1,2026-10,,10,USD\nopenai,O1,2026-10,,5,USD\ncursor,I1,2026-10,,20,USD\n`
    const lines = rowsOf(parse(text), 'import_invoice_lines')
    expect(lines.map((l) => [l.invoice_id, l.line_item])).toEqual([
      ['I1', '1'],
      ['I1', '2'],
      ['O1', '1'],
    ])
  })

  it.each([
    [`${HEADER}\ncursor,I1,2026-10,a,10,EUR\n`, 2, 'currency'],
    [`${HEADER}\ncursor,I1,2026-10,a,"$1,00.00",USD\n`, 2, 'amount'],
    [`${HEADER}\ncursor,I1,2026-10,a,1,USD\ncursor,I1,2026-10,a,2,USD\n`, 3, 'line_item'],
    [`${HEADER}\ncursor,I1,2026-10,a,1,USD\ncursor,I1,2026-11,b,2,USD\n`, 3, 'period'],
    [`${HEADER}\ncursor,I1,2026-1,a,1,USD\n`, 2, 'period'],
    [`${HEADER}\nCursor Inc,I1,2026-10,a,1,USD\n`, 2, 'provider'],
    [`${HEADER}\ncursor,,2026-10,a,1,USD\n`, 2, 'invoice_id'],
    [
      'provider,invoice_id,period_start,amount,currency\ncursor,I1,2026-10-01,1,USD\n',
      1,
      'period_end',
    ],
    ['provider,invoice_id,amount,currency\ncursor,I1,1,USD\n', 1, 'period'],
    ['provider,invoice_id,period,amount,currency,notes\ncursor,I1,2026-10,1,USD,x\n', 1, 'notes'],
    [
      'provider,invoice_id,period_start,period_end,amount,currency\ncursor,I1,2026-10-31,2026-10-01,1,USD\n',
      2,
      'period_end',
    ],
  ])('refuses a bad file (%#) at line %i, field %s', (text, line, field) => {
    expect(importErrorOf(() => parse(text)).context).toMatchObject({
      file: 'invoices.csv',
      line,
      field,
    })
  })

  it('reports the first bad line in file order, whatever the check', () => {
    const text = `${HEADER}\ncursor,I1,2026-10,a,1,USD\ncursor,I1,2026-11,b,2,USD\ncursor,I2,2026-10,c,1,EUR\n`
    expect(importErrorOf(() => parse(text)).context.line).toBe(3)
  })
})
