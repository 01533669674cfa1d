import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import { normalizeClaudeCodePage, normalizeCostPage, normalizeUsagePage } from './normalize.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'))
const window = { from: '2026-10-15', to: '2026-10-16' }
const ctx = { capturedAt: '2026-10-17T06:00:00.000Z', window }

describe('normalizeCostPage', () => {
  const rows = normalizeCostPage({
    page: 1,
    window,
    body: fixture('cost-page.json'),
  }).anthropic_cost_report!

  it('converts cents strings to exact dollars', () => {
    expect(rows.map((r) => r.amount_usd)).toEqual(['9.466000000', '833.915282300', '0.125000000'])
    expect(rows[1]!.amount_cents).toBe('83391.52823')
  })

  it('keeps the Default workspace as NULL, with a null-safe line key', () => {
    expect(rows[0]!.workspace_id).toBeNull()
    expect(new Set(rows.map((r) => r.line_key)).size).toBe(3)
    expect(rows[0]!.line_key).toContain('"workspace_id",null')
  })

  it('dates rows by their UTC bucket and drops nothing for empty days', () => {
    expect(rows.every((r) => r.usage_date === '2026-10-15')).toBe(true)
    expect(rows).toHaveLength(3)
  })

  it('rejects a float amount with an error naming field and day', () => {
    const body = {
      data: [
        {
          starting_at: '2026-10-15T00:00:00Z',
          ending_at: '2026-10-16T00:00:00Z',
          results: [{ amount: 12.5, currency: 'USD' }],
        },
      ],
      has_more: false,
    }
    let error: unknown
    try {
      normalizeCostPage({ page: 2, window, body })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).code).toBe('SOURCE_PAYLOAD')
    expect((error as PipelineError).message).toMatch(/data\.0\.results\.0\.amount/)
    expect((error as PipelineError).message).toMatch(/2026-10-15\.\.2026-10-16/)
    expect((error as PipelineError).context.page).toBe(2)
  })

  it('refuses a non-USD currency rather than mixing currencies', () => {
    const body = {
      data: [
        {
          starting_at: '2026-10-15T00:00:00Z',
          ending_at: '2026-10-16T00:00:00Z',
          results: [{ amount: '1', currency: 'EUR' }],
        },
      ],
      has_more: false,
    }
    expect(() => normalizeCostPage({ page: 1, window, body })).toThrow(/EUR is not USD/)
  })

  it('rejects a bucket that does not start at UTC midnight', () => {
    const body = {
      data: [{ starting_at: '2026-10-15T07:00:00-07:00', ending_at: 'x', results: [] }],
      has_more: false,
    }
    expect(() => normalizeCostPage({ page: 1, window, body })).toThrow(/not a UTC midnight/)
  })
})

describe('normalizeUsagePage', () => {
  it('flattens cache creation and server tool use, defaulting absent counters to 0', () => {
    const body = {
      data: [
        {
          starting_at: '2026-10-15T00:00:00Z',
          ending_at: '2026-10-16T00:00:00Z',
          results: [
            {
              uncached_input_tokens: 1500,
              cache_read_input_tokens: 200,
              cache_creation: { ephemeral_5m_input_tokens: 500 },
              output_tokens: 500,
              api_key_id: null,
              workspace_id: null,
              model: 'claude-opus-4-6',
            },
          ],
        },
      ],
      has_more: false,
    }
    const [row] = normalizeUsagePage({ page: 1, window, body }).anthropic_messages_usage!
    expect(row).toMatchObject({
      cache_creation_5m_input_tokens: 500,
      cache_creation_1h_input_tokens: 0,
      web_search_requests: 0,
      api_key_id: null,
    })
  })
})

describe('normalizeClaudeCodePage', () => {
  const tables = normalizeClaudeCodePage(
    { page: 1, window, body: fixture('claude-code-page.json') },
    ctx,
  )

  it('lower-cases emails, keeps api actors by key name and sums open-ended tool actions', () => {
    const [person, bot] = tables.anthropic_claude_code!
    expect(person).toMatchObject({
      actor_email: 'sean.oneil@example.com',
      tool_accepted: 34,
      tool_rejected: 3,
      lines_added: 342,
    })
    expect(bot).toMatchObject({
      actor_type: 'api_actor',
      actor_api_key_name: 'ci-bot',
      actor_email: null,
    })
  })

  it('sums a model listed twice and keeps the estimate exact (cents → dollars)', () => {
    const models = tables.anthropic_claude_code_models!
    expect(models).toHaveLength(1)
    expect(models[0]).toMatchObject({
      model: 'claude-opus-4-8',
      input_tokens: 101,
      cache_creation_tokens: 9,
      estimated_cost_usd: '1.865000000',
    })
  })

  it('rejects a record from another day than requested', () => {
    const body = fixture('claude-code-page.json') as { data: Array<{ date: string }> }
    body.data[0]!.date = '2026-10-20T00:00:00Z'
    expect(() => normalizeClaudeCodePage({ page: 1, window, body }, ctx)).toThrow(
      /outside the requested day/,
    )
  })
})
