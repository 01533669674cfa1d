import { describe, expect, it } from 'vitest'
import { PipelineError } from '../core/errors.js'
import { createRandom } from '../simulators/shared/random.js'
import {
  MAX_DEPTH,
  PyNumber,
  jsonNumberText,
  parsePythonLiteral,
  toJsonText,
} from './python-literal.js'

const json = (text: string) => JSON.parse(toJsonText(parsePythonLiteral(text, 'col'))) as unknown

function failure(text: string): PipelineError {
  try {
    parsePythonLiteral(text, 'actor_info')
  } catch (error) {
    if (error instanceof PipelineError) return error
    throw error
  }
  throw new Error('expected the literal to be refused')
}

describe('parsePythonLiteral', () => {
  it('reads the export actor dict, with nested metadata', () => {
    const text =
      "{'name': 'Mara', 'type': 'account', 'uuid': '0b6f', 'metadata': {'email_address': 'mara@example.com'}}"
    expect(json(text)).toEqual({
      name: 'Mara',
      type: 'account',
      uuid: '0b6f',
      metadata: { email_address: 'mara@example.com' },
    })
  })

  it('reads double-quoted strings holding apostrophes and single quotes holding double quotes', () => {
    expect(json(`{'name': "Sean O'Neil", 'note': 'see "budget" doc'}`)).toEqual({
      name: "Sean O'Neil",
      note: 'see "budget" doc',
    })
  })

  it('reads True/False/None, lists, tuples, sets and empty containers', () => {
    expect(
      json("{'ok': True, 'no': False, 'prev': None, 'l': [1, 'a'], 't': (1,), 'e': ()}"),
    ).toEqual({
      ok: true,
      no: false,
      prev: null,
      l: [1, 'a'],
      t: [1],
      e: [],
    })
    expect(json('{}')).toEqual({})
    expect(json("{'a', 'b'}")).toEqual(['a', 'b'])
    expect(json('[1, 2,]')).toEqual([1, 2])
    expect(json('(7)')).toBe(7)
  })

  it('decodes escapes and keeps unicode as is', () => {
    expect(json(String.raw`'tab\there\nnew \'q\' \\ \x41\u00e9\U0001F600 \101 \d'`)).toBe(
      "tab\there\nnew 'q' \\ Aé😀 A \\d",
    )
    expect(json("'Jürgen Weiß 日本'")).toBe('Jürgen Weiß 日本')
    expect(json(String.raw`r'C:\new'`)).toBe(String.raw`C:\new`)
    expect(json(`u'x' "y"`)).toBe('xy')
  })

  it('keeps numbers as their exact text, never through a float', () => {
    const value = parsePythonLiteral("{'big': 12345678901234567890123, 'f': 0.1, 'n': -5}", 'c')
    expect(value instanceof Map && value.get('big')).toEqual(
      new PyNumber('12345678901234567890123'),
    )
    expect(toJsonText(value)).toBe('{"big":12345678901234567890123,"f":0.1,"n":-5}')
    expect(jsonNumberText('1_000')).toBe('1000')
    expect(jsonNumberText('.5')).toBe('0.5')
    expect(jsonNumberText('5.')).toBe('5.0')
    expect(jsonNumberText('+007')).toBe('7')
    expect(jsonNumberText('-1.5E+3')).toBe('-1.5e+3')
  })

  it('turns non-string dict keys into their Python text', () => {
    expect(json("{1: 'a', None: 'b', True: 'c'}")).toEqual({ 1: 'a', None: 'b', True: 'c' })
  })

  it('keeps a __proto__ key as data', () => {
    const value = parsePythonLiteral("{'__proto__': {'polluted': True}}", 'c')
    expect(value instanceof Map && value.has('__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ["{'a': 1", 'unexpected end of text'],
    ["{'a' 1}", "expected ':'"],
    ["{'a': 1 'b': 2}", "expected ',' or '}'"],
    ["{'a': 'unterminated}", 'unterminated string'],
    ["{'a': nan}", 'only True, False and None'],
    ["{'a': __import__('os')}", 'only True, False and None'],
    ["{'a': 1j}", 'malformed number'],
    ["{'a': '''x'''}", 'triple-quoted'],
    ["{'a': 1} extra", 'unexpected text after the value'],
    ["{'a': 'x\\N{DASH}'}", '\\N{…}'],
    ["{'a': '\\xZZ'}", 'malformed \\x escape'],
    ['{[1]: 2}', 'a dict key must be'],
    ['', 'unexpected end of text'],
  ])('refuses %j (%s), naming the column and offset', (text, why) => {
    const error = failure(text)
    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.message).toContain(why)
    expect(error.context.field).toBe('actor_info')
    expect(typeof error.context.offset).toBe('number')
  })

  it('gives the offset of the problem', () => {
    expect(failure("{'a': 1, 'b' 2}").context.offset).toBe(13)
  })

  it('refuses nesting deeper than MAX_DEPTH instead of overflowing the stack', () => {
    expect(json('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBeDefined()
    expect(failure('['.repeat(10_000)).message).toContain('nested too deeply')
  })
})

describe('parsePythonLiteral, generated values', () => {
  const random = createRandom(7)
  const pieces = ["O'Neil", 'say "hi"', 'back\\slash', 'tab\t', 'ünï 日本 😀', '', 'x\ny', 'a\'b"c']

  /** Python's repr of a string: single quotes unless the text has ' and no ". */
  function pyRepr(text: string): string {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
    const body = [...text]
      .map((ch) => {
        if (ch === '\\') return '\\\\'
        if (ch === quote) return `\\${ch}`
        if (ch === '\n') return '\\n'
        if (ch === '\t') return '\\t'
        return ch
      })
      .join('')
    return `${quote}${body}${quote}`
  }

  function generate(depth: number): { text: string; value: unknown } {
    const pick = random.int(0, depth > 3 ? 3 : 6)
    if (pick === 0) return { text: 'None', value: null }
    if (pick === 1) return { text: 'True', value: true }
    if (pick === 2) {
      const n = random.int(-1000, 1000)
      return { text: String(n), value: n }
    }
    if (pick === 3) {
      const s = pieces[random.int(0, pieces.length - 1)]!
      return { text: pyRepr(s), value: s }
    }
    const items = Array.from({ length: random.int(0, 3) }, () => generate(depth + 1))
    if (pick === 4)
      return { text: `[${items.map((i) => i.text).join(', ')}]`, value: items.map((i) => i.value) }
    const keys = items.map((_, i) => pieces[i % pieces.length]! + String(i))
    return {
      text: `{${items.map((item, i) => `${pyRepr(keys[i]!)}: ${item.text}`).join(', ')}}`,
      value: Object.fromEntries(items.map((item, i) => [keys[i]!, item.value])),
    }
  }

  it('round-trips 300 generated repr() texts to the same values', () => {
    for (let i = 0; i < 300; i++) {
      const { text, value } = generate(0)
      expect(json(text), text).toEqual(value)
    }
  })
})
