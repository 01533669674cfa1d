import { describe, expect, it } from 'vitest'
import { CsvSyntaxError, parseCsv } from './csv.js'

const records = (text: string) => [...parseCsv(text)]

function syntaxError(text: string): CsvSyntaxError {
  try {
    records(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error
    throw error
  }
  throw new Error('expected a CsvSyntaxError')
}

describe('parseCsv', () => {
  it('reads bare and quoted fields, doubled quotes and empty fields', () => {
    expect(records('a,b,c\n1,"x ""y"", z",\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x "y", z', ''] },
    ])
  })

  it('keeps newlines inside quotes and numbers records by the line they start on', () => {
    const out = records('h1,h2\n"multi\nline\r\nvalue",2\nlast,3')
    expect(out).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['multi\nline\r\nvalue', '2'] },
      { line: 5, cells: ['last', '3'] },
    ])
  })

  it('treats CRLF, LF and bare CR alike, skips blank lines and a byte-order mark', () => {
    const out = records('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6\r\n')
    expect(out.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [4, '3', '4'],
      [5, '5', '6'],
    ])
  })

  it('reads a last record without a line end, and a trailing empty field', () => {
    expect(records('a,b\n1,')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', ''] },
    ])
  })

  it('keeps spaces around fields and a quoted empty field', () => {
    expect(records(' a ,,b \n"",x')).toEqual([
      { line: 1, cells: [' a ', '', 'b '] },
      { line: 2, cells: ['', 'x'] },
    ])
  })

  it('refuses a quote inside an unquoted field, naming line and column', () => {
    const error = syntaxError('a,b\n1,2\nx,ab"c\n')
    expect([error.line, error.column]).toEqual([3, 2])
  })

  it('refuses text after a closing quote', () => {
    const error = syntaxError('a,b\n"ab"c,2\n')
    expect([error.line, error.column]).toEqual([2, 1])
  })

  it('refuses an unclosed quote, naming the line the field started on', () => {
    const error = syntaxError('a,b\n1,2\n3,"never\nclosed\n')
    expect([error.line, error.column]).toEqual([3, 2])
    expect(error.message).toContain('never closed')
  })
})
