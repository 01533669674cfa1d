// Tokenizer for Python literals as `repr()` writes them: punctuation, quoted strings (single
// or double quotes, u/r/b prefixes, backslash escapes), numbers and the names True/False/None.
// It only recognizes text; nothing is ever evaluated. Numbers stay text so that no value
// passes through a binary float. Errors carry the character offset where the token started.

export type TokenType = 'punct' | 'string' | 'number' | 'name' | 'end'

export interface Token {
  type: TokenType
  /** Punctuation char, decoded string, number text or name. */
  value: string
  /** Offset of the token's first character. */
  offset: number
}

export class PythonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`)
    this.name = 'PythonSyntaxError'
  }
}

const PUNCT = new Set(['{', '}', '[', ']', '(', ')', ':', ','])
const DIGITS = String.raw`\d(?:_?\d)*`
const NUMBER_RE = new RegExp(
  String.raw`[+-]?(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.?)(?:[eE][+-]?${DIGITS})?`,
  'y',
)
const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y
const STRING_PREFIX_RE = /(?:[uU]|[rR][bB]?|[bB][rR]?)?(?=['"])/y
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++
    if (pos >= text.length) break
    const token = readToken(text, pos)
    tokens.push(token.token)
    pos = token.end
  }
  tokens.push({ type: 'end', value: '', offset: text.length })
  return tokens
}

function readToken(text: string, pos: number): { token: Token; end: number } {
  const ch = text[pos]!
  if (PUNCT.has(ch)) return { token: { type: 'punct', value: ch, offset: pos }, end: pos + 1 }
  STRING_PREFIX_RE.lastIndex = pos
  const prefix = STRING_PREFIX_RE.exec(text)
  if (prefix) return readString(text, pos, prefix[0])
  if (/[\d.+-]/.test(ch)) return readNumber(text, pos)
  NAME_RE.lastIndex = pos
  const name = NAME_RE.exec(text)
  if (name)
    return { token: { type: 'name', value: name[0], offset: pos }, end: pos + name[0].length }
  throw new PythonSyntaxError('unexpected character', pos)
}

function readNumber(text: string, pos: number): { token: Token; end: number } {
  NUMBER_RE.lastIndex = pos
  const m = NUMBER_RE.exec(text)
  const end = pos + (m?.[0].length ?? 0)
  if (!m || /[A-Za-z0-9_.]/.test(text[end] ?? ''))
    throw new PythonSyntaxError('malformed number', pos)
  return { token: { type: 'number', value: m[0], offset: pos }, end }
}

function readString(text: string, start: number, prefix: string): { token: Token; end: number } {
  const raw = /r/i.test(prefix)
  let pos = start + prefix.length
  const quote = text[pos]!
  if (text.startsWith(quote.repeat(3), pos)) {
    throw new PythonSyntaxError('triple-quoted strings are not supported', start)
  }
  pos++
  let value = ''
  for (;;) {
    const ch = text[pos]
    if (ch === undefined || ch === '\n' || ch === '\r') {
      throw new PythonSyntaxError('unterminated string', start)
    }
    if (ch === quote) break
    if (ch !== '\\') {
      value += ch
      pos++
      continue
    }
    const escape = raw ? { text: text.slice(pos, pos + 2), end: pos + 2 } : readEscape(text, pos)
    value += escape.text
    pos = escape.end
  }
  return { token: { type: 'string', value, offset: start }, end: pos + 1 }
}

/** One backslash escape at `pos` (Python semantics: an unknown escape keeps its backslash). */
function readEscape(text: string, pos: number): { text: string; end: number } {
  const ch = text[pos + 1]
  if (ch === undefined) throw new PythonSyntaxError('unterminated string', pos)
  const simple = SIMPLE_ESCAPES[ch]
  if (simple !== undefined) return { text: simple, end: pos + 2 }
  if (ch === '\n') return { text: '', end: pos + 2 } // line continuation
  if (/[0-7]/.test(ch)) {
    const digits = /^[0-7]{1,3}/.exec(text.slice(pos + 1))![0]
    return { text: String.fromCodePoint(parseInt(digits, 8)), end: pos + 1 + digits.length }
  }
  const width = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0
  if (width === 0) {
    if (ch === 'N') throw new PythonSyntaxError('\\N{…} escapes are not supported', pos)
    return { text: `\\${ch}`, end: pos + 2 }
  }
  const hex = text.slice(pos + 2, pos + 2 + width)
  const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : NaN
  if (!(code <= 0x10ffff)) throw new PythonSyntaxError(`malformed \\${ch} escape`, pos)
  return { text: String.fromCodePoint(code), end: pos + 2 + width }
}
