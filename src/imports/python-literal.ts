// A recursive-descent parser for Python literals (dicts, lists, tuples, sets, strings, numbers,
// True/False/None) — the claude.ai export writes its *_info columns with Python's repr(), not
// JSON. The first version called eval() on them; this never evaluates anything. Numbers stay
// as their text (PyNumber) and dicts are Maps (no prototype keys, insertion order kept).
// toJsonText() turns a value into JSON for the warehouse's JSON columns.

import { PipelineError } from '../core/errors.js'
import { PythonSyntaxError, tokenize, type Token } from './python-lexer.js'

/** A number exactly as written (underscores and all); see `jsonNumberText` for JSON. */
export class PyNumber {
  constructor(readonly text: string) {}
}

export type PyValue = null | boolean | string | PyNumber | PyValue[] | PyDict
export type PyDict = Map<string, PyValue>

/** Nesting deeper than this is refused (a hostile cell must not exhaust the stack). */
export const MAX_DEPTH = 64

/**
 * Parses one Python literal. Throws IMPORT_INVALID naming `field` and the offset of the problem.
 * @example
 * parsePythonLiteral("{'name': \"Sean O'Neil\", 'ok': True}", 'actor_info').get('name')
 */
export function parsePythonLiteral(text: string, field: string): PyValue {
  try {
    const parser = new Parser(tokenize(text))
    const value = parser.value(0)
    parser.expectEnd()
    return value
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error
    return fail(field, error.message, error.offset, error)
  }
}

function fail(field: string, why: string, offset: number, cause?: unknown): never {
  throw new PipelineError('IMPORT_INVALID', `Not a valid Python literal: ${why}.`, {
    cause,
    context: { field, offset },
  })
}

class Parser {
  private index = 0

  constructor(private readonly tokens: Token[]) {}

  value(depth: number): PyValue {
    const token = this.next()
    if (depth > MAX_DEPTH) throw new PythonSyntaxError('nested too deeply', token.offset)
    switch (token.type) {
      case 'string':
        return this.concatenated(token.value)
      case 'number':
        return new PyNumber(token.value)
      case 'name':
        return constant(token)
      case 'punct':
        return this.container(token, depth + 1)
      default:
        throw new PythonSyntaxError('unexpected end of text', token.offset)
    }
  }

  expectEnd(): void {
    const token = this.next()
    if (token.type !== 'end')
      throw new PythonSyntaxError('unexpected text after the value', token.offset)
  }

  /** Adjacent string literals concatenate, as in Python ('a' 'b' == 'ab'). */
  private concatenated(first: string): string {
    let value = first
    while (this.peek().type === 'string') value += this.next().value
    return value
  }

  private container(open: Token, depth: number): PyValue {
    if (open.value === '[') return this.sequence(']', depth)
    if (open.value === '(') return this.tuple(depth)
    if (open.value === '{') return this.dictOrSet(depth)
    throw new PythonSyntaxError(`unexpected '${open.value}'`, open.offset)
  }

  /** Items up to `close`, comma-separated, trailing comma allowed. */
  private sequence(close: string, depth: number, first?: PyValue): PyValue[] {
    const items: PyValue[] = first === undefined ? [] : [first]
    if (first !== undefined && !this.separator(close)) return items
    while (!this.accept(close)) {
      items.push(this.value(depth))
      if (!this.separator(close)) break
    }
    return items
  }

  /** `()` is empty, `(x)` is just x, `(x,)` and `(x, y)` are tuples (arrays here). */
  private tuple(depth: number): PyValue {
    if (this.accept(')')) return []
    const first = this.value(depth)
    if (this.accept(')')) return first
    return this.sequence(')', depth, first)
  }

  private dictOrSet(depth: number): PyValue {
    const dict: PyDict = new Map()
    if (this.accept('}')) return dict
    const keyToken = this.peek()
    const first = this.value(depth)
    if (this.isPunct(',') || this.isPunct('}')) return this.sequence('}', depth, first) // a set
    this.expect(':', "expected ':' after a dict key")
    dict.set(dictKey(first, keyToken), this.value(depth))
    while (this.separator('}')) {
      if (this.accept('}')) return dict
      const token = this.peek()
      const key = dictKey(this.value(depth), token)
      this.expect(':', "expected ':' after a dict key")
      dict.set(key, this.value(depth))
    }
    return dict
  }

  /** After an item: ',' → true (more may follow); `close` → false (consumed); else error. */
  private separator(close: string): boolean {
    if (this.accept(',')) return true
    this.expect(close, `expected ',' or '${close}'`)
    return false
  }

  private expect(punct: string, message: string): void {
    const token = this.peek()
    if (this.accept(punct)) return
    const why = token.type === 'end' ? `unexpected end of text (${message})` : message
    throw new PythonSyntaxError(why, token.offset)
  }

  private accept(punct: string): boolean {
    if (!this.isPunct(punct)) return false
    this.index++
    return true
  }

  private isPunct(punct: string): boolean {
    const token = this.peek()
    return token.type === 'punct' && token.value === punct
  }

  private peek(): Token {
    return this.tokens[this.index]!
  }

  private next(): Token {
    const token = this.peek()
    if (token.type !== 'end') this.index++
    return token
  }
}

function constant(token: Token): PyValue {
  if (token.value === 'True') return true
  if (token.value === 'False') return false
  if (token.value === 'None') return null
  throw new PythonSyntaxError('only True, False and None are allowed as names', token.offset)
}

/** Dict keys become text: strings as they are, numbers/True/False/None as Python writes them. */
function dictKey(key: PyValue, token: Token): string {
  if (typeof key === 'string') return key
  if (key instanceof PyNumber) return key.text
  if (key === null) return 'None'
  if (typeof key === 'boolean') return key ? 'True' : 'False'
  throw new PythonSyntaxError(
    'a dict key must be a string, number, True, False or None',
    token.offset,
  )
}

/** Python number text → JSON number text ('1_000' → '1000', '.5' → '0.5', '5.' → '5.0'). */
export function jsonNumberText(text: string): string {
  const plain = text.replace(/_/g, '').replace(/^\+/, '')
  const sign = plain.startsWith('-') ? '-' : ''
  const [mantissa = '', exponent] = plain.replace(/^-/, '').split(/[eE]/)
  const [whole = '', frac] = mantissa.split('.')
  const int = whole.replace(/^0+(?=\d)/, '') || '0'
  const body = frac === undefined ? int : `${int}.${frac === '' ? '0' : frac}`
  return `${sign}${body}${exponent === undefined ? '' : `e${exponent}`}`
}

/** JSON text of a parsed literal, numbers written exactly (never through a float). */
export function toJsonText(value: PyValue): string {
  if (value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof PyNumber) return jsonNumberText(value.text)
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  const entries = [...value].map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
  return `{${entries.join(',')}}`
}

/** The dict at `value`, or undefined when it is anything else. */
export function asDict(value: PyValue | undefined): PyDict | undefined {
  return value instanceof Map ? value : undefined
}

/** The string at `key` of a dict, or undefined (missing, None or not a string). */
export function dictString(dict: PyDict | undefined, key: string): string | undefined {
  const value = dict?.get(key)
  return typeof value === 'string' ? value : undefined
}
