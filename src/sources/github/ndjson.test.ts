import { describe, expect, it } from 'vitest'
import { parseNdjson } from './ndjson.js'

describe('parseNdjson', () => {
  it('parses one value per line and skips blank lines', () => {
    expect(parseNdjson('{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }])
    expect(parseNdjson('')).toEqual([])
  })

  it('rejects a file cut in the middle of a line', () => {
    expect(parseNdjson('{"a":1}\n{"a":')).toBeUndefined()
  })
})
