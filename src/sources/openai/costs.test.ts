import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pipelineErrorOf } from '../test-support.js'
import { dollarsFromNumber, toDecimalString } from '../../core/money.js'
import { normalizeCostsPage } from './costs.js'
import { parseOpenaiJson } from './json.js'

const fixtureText = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')
const window = { from: '2026-03-14', to: '2026-03-15' }
const page = (body: unknown) => ({ page: 1, window, body })
const rowsOf = (body: unknown) => normalizeCostsPage(page(body)).openai_costs!

function bucket(results: unknown[], start = 1773446400) {
  return { start_time: start, end_time: start + 86_400, results }
}

describe('normalizeCostsPage', () => {
  const rows = rowsOf(parseOpenaiJson(fixtureText('costs-page.json')))

  it('keeps every amount exact from the text the API sent', () => {
    expect(rows.map((r) => r.amount_usd)).toEqual([
      '0.060000000',
      '123456789.123456789',
      '0.000000100',
      '12.000000000',
    ])
    expect(rows.map((r) => r.amount_value)).toEqual(['0.06', '123456789.123456789', '1e-7', '12'])
  })

  it('is exact where JSON.parse + dollarsFromNumber is not (18 significant digits)', () => {
    const viaFloat = JSON.parse(fixtureText('costs-page.json')) as {
      data: Array<{ results: Array<{ amount: { value: number } }> }>
    }
    const value = viaFloat.data[0]!.results[1]!.amount.value
    expect(toDecimalString(dollarsFromNumber(value))).toBe('123456789.123456790')
    expect(rows[1]!.amount_usd).toBe('123456789.123456789')
  })

  it('dates rows by their UTC bucket and keeps empty days empty', () => {
    expect(rows.every((r) => r.usage_date === '2026-03-14')).toBe(true)
    expect(rows).toHaveLength(4)
  })

  it('keys rows null-safely by project, line item and api key', () => {
    expect(new Set(rows.map((r) => r.line_key)).size).toBe(4)
    expect(rows[2]!.api_key_id).toBeNull()
    expect(rows[2]!.line_key).toContain('["api_key_id",null]')
  })

  it('classifies line items and keeps exact quantities', () => {
    expect(rows.map((r) => [r.service, r.model, r.sku, r.unit])).toEqual([
      ['completions', 'gpt-4o-2024-08-06', 'input', 'tokens'],
      ['completions', 'gpt-5-2025-08-07', 'cached input', 'tokens'],
      ['vector_stores', null, 'vector store storage', 'GB-days'],
      ['web_search_calls', null, 'web search tool calls', 'calls'],
    ])
    expect(rows.map((r) => r.quantity)).toEqual([
      '24000.000000000',
      '987654321012.000000000',
      '0.000001234',
      '1200.000000000',
    ])
  })

  it('keeps the raw item with its numbers written as sent', () => {
    expect(rows[1]!.raw_json).toContain('"value":123456789.123456789')
  })

  it('refuses a currency other than usd rather than mixing currencies', () => {
    const body = { data: [bucket([{ amount: { value: 1, currency: 'eur' } }])], has_more: false }
    const error = pipelineErrorOf(() => rowsOf(body))
    expect(error.message).toMatch(/currency eur is not usd/)
    expect(error.context.field).toBe('amount.currency')
  })

  it('rejects an amount sent as a string, naming the field and window', () => {
    const body = {
      data: [bucket([{ amount: { value: '1.5', currency: 'usd' } }])],
      has_more: false,
    }
    const error = pipelineErrorOf(() => rowsOf(body))
    expect(error.code).toBe('SOURCE_PAYLOAD')
    expect(error.message).toMatch(/data\.0\.results\.0\.amount\.value/)
    expect(error.message).toMatch(/2026-03-14\.\.2026-03-15/)
  })

  it('rejects a bucket that is not a UTC day, or one outside the window', () => {
    const notMidnight = { data: [bucket([], 1773446400 + 3600)], has_more: false }
    expect(() => rowsOf(notMidnight)).toThrow(/not one UTC day/)
    const outside = { data: [bucket([], 1773446400 - 86_400)], has_more: false }
    expect(() => rowsOf(outside)).toThrow(/2026-03-13 is outside the requested window/)
  })
})
