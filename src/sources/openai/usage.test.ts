import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseOpenaiJson } from './json.js'
import { USAGE_ENDPOINTS } from './usage-endpoints.js'
import { usageNormalizer } from './usage.js'

const endpoint = (kind: string) => USAGE_ENDPOINTS.find((e) => e.kind === kind)!
const fixture = (name: string) =>
  parseOpenaiJson(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'))
const window = { from: '2026-03-14', to: '2026-03-14' }
const normalize = (kind: string, body: unknown) =>
  usageNormalizer(endpoint(kind))({ page: 1, window, body })[`openai_usage_${kind}`]!

function completionsBody(result: Record<string, unknown>) {
  return {
    data: [{ start_time: 1773446400, end_time: 1773532800, results: [result] }],
    has_more: false,
  }
}

describe('usage endpoints', () => {
  it('gives every endpoint its own table and its own group_by set', () => {
    expect(USAGE_ENDPOINTS.map((e) => e.table)).toHaveLength(10)
    expect(new Set(USAGE_ENDPOINTS.map((e) => e.table)).size).toBe(10)
    expect(endpoint('completions').groupBy).toEqual([
      'project_id',
      'user_id',
      'api_key_id',
      'model',
      'batch',
      'service_tier',
    ])
    expect(endpoint('vector_stores').groupBy).toEqual(['project_id'])
  })
})

describe('usage normalizer (completions)', () => {
  const rows = normalize('completions', fixture('completions-page.json'))

  it('keeps input_tokens as sent (cached included) and every metric typed', () => {
    expect(rows[0]).toMatchObject({
      usage_date: '2026-03-14',
      input_tokens: 1000,
      input_cached_tokens: 800,
      output_tokens: 500,
      num_model_requests: 5,
      input_audio_tokens: 0,
      input_cache_write_tokens: null,
      batch: false,
      api_key_id: 'key_111',
      user_id: 'user-1',
    })
  })

  it('stores metrics an older API version omits as NULL, not 0', () => {
    expect(rows[1]!.input_audio_tokens).toBeNull()
    expect(rows[1]!.batch).toBe(true)
  })

  it('keys rows by their grouping values only, null-safely', () => {
    expect(rows[0]!.line_key).not.toBe(rows[1]!.line_key)
    expect(rows[1]!.line_key).toContain('["user_id",null]')
    expect(rows[0]!.line_key).not.toContain('input_tokens')
  })

  it('refuses cached tokens above input tokens (input must include cached)', () => {
    const body = completionsBody({
      input_tokens: 10,
      output_tokens: 1,
      input_cached_tokens: 11,
      num_model_requests: 1,
    })
    expect(() => normalize('completions', body)).toThrow(/input_cached_tokens exceed input_tokens/)
  })

  it('names a missing metric in the error', () => {
    const body = completionsBody({ input_tokens: 10, output_tokens: 1, num_model_requests: 1 })
    expect(() => normalize('completions', body)).toThrow(/results\.0\.input_cached_tokens/)
  })

  it('rejects a token count beyond 2^53 instead of rounding it', () => {
    const text =
      '{"data":[{"start_time":1773446400,"end_time":1773532800,"results":[{"input_tokens":9007199254740993,"output_tokens":1,"input_cached_tokens":0,"num_model_requests":1}]}],"has_more":false}'
    expect(() => normalize('completions', parseOpenaiJson(text))).toThrow(/input_tokens/)
  })
})

describe('usage normalizer (other endpoints)', () => {
  it('types each endpoint its own metrics and dimensions', () => {
    const body = completionsBody({
      usage_bytes: 123_456_789,
      project_id: 'proj_abc',
    })
    expect(normalize('vector_stores', body)[0]).toMatchObject({
      project_id: 'proj_abc',
      usage_bytes: 123_456_789,
    })
    const images = completionsBody({
      images: 3,
      num_model_requests: 2,
      size: '1024x1024',
      source: 'image.edit',
      model: 'gpt-image-1',
    })
    expect(normalize('images', images)[0]).toMatchObject({
      images: 3,
      size: '1024x1024',
      source: 'image.edit',
      api_key_id: null,
    })
  })
})
