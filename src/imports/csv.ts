// A small RFC 4180 CSV reader: quoted fields, doubled quotes, newlines inside quotes, CRLF, LF
// or bare CR line ends, and a 1-based physical line number for every record (the line it
// starts on, so a record after a multi-line field is still located right). No CSV package is
// installed and the format is small enough to own; strictness is the point: a stray quote is
// an error with its line and column, never a silently shifted row.

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  line: number
  cells: string[]
}

/** A malformed CSV: where it broke, as a line and a 1-based column (field) index. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
    this.name = 'CsvSyntaxError'
  }
}

interface Cursor {
  text: string
  pos: number
  line: number
}

/**
 * Yields every record of `text`, skipping blank lines. A leading byte-order mark is ignored.
 * @example
 * for (const { line, cells } of parseCsv('a,b\r\n"x ""y""",2\r\n')) console.log(line, cells)
 */
export function* parseCsv(text: string): Generator<CsvRecord> {
  const cur: Cursor = { text, pos: text.startsWith('\uFEFF') ? 1 : 0, line: 1 }
  while (cur.pos < text.length) {
    const line = cur.line
    const cells = readRecord(cur)
    if (!(cells.length === 1 && cells[0] === '')) yield { line, cells }
  }
}

/** Reads fields up to and including the record's line end. */
function readRecord(cur: Cursor): string[] {
  const cells: string[] = []
  for (;;) {
    const quoted = cur.text[cur.pos] === '"'
    cells.push(quoted ? readQuoted(cur, cells.length + 1) : readBare(cur, cells.length + 1))
    const ch = cur.text[cur.pos]
    if (ch === ',') {
      cur.pos++
      continue
    }
    if (ch !== undefined) consumeLineEnd(cur)
    return cells
  }
}

function readBare(cur: Cursor, column: number): string {
  const start = cur.pos
  for (;;) {
    const ch = cur.text[cur.pos]
    if (ch === undefined || ch === ',' || ch === '\n' || ch === '\r') break
    if (ch === '"') {
      throw new CsvSyntaxError(
        'a quote inside an unquoted field (quote the whole field and double the quote)',
        cur.line,
        column,
      )
    }
    cur.pos++
  }
  return cur.text.slice(start, cur.pos)
}

function readQuoted(cur: Cursor, column: number): string {
  const startLine = cur.line
  cur.pos++ // opening quote
  let value = ''
  for (;;) {
    const close = cur.text.indexOf('"', cur.pos)
    if (close < 0) {
      throw new CsvSyntaxError('a quoted field is never closed', startLine, column)
    }
    value += cur.text.slice(cur.pos, close)
    countLines(cur, cur.pos, close)
    cur.pos = close + 1
    if (cur.text[cur.pos] !== '"') break
    value += '"' // a doubled quote is one quote
    cur.pos++
  }
  const next = cur.text[cur.pos]
  if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
    throw new CsvSyntaxError('text after the closing quote of a field', cur.line, column)
  }
  return value
}

/** Advances the line counter over line ends inside a quoted field (CRLF counts once). */
function countLines(cur: Cursor, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const ch = cur.text[i]
    if (ch === '\n' || (ch === '\r' && cur.text[i + 1] !== '\n')) cur.line++
  }
}

function consumeLineEnd(cur: Cursor): void {
  if (cur.text[cur.pos] === '\r') cur.pos++
  if (cur.text[cur.pos] === '\n') cur.pos++
  cur.line++
}
