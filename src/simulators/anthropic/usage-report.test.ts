import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../core/days.js'
import { startAnthropicSimulator, type AnthropicSimulator, type TokenCounts } from './index.js'
import {
  createTestClock,
  getJson,
  readAllPages,
  type ErrorBody,
  type ReportPage,
} from './test-helpers.js'

const TODAY = '2026-03-15'
const clock = createTestClock(`${TODAY}T10:00:00Z`)
const USAGE = '/v1/organizations/usage_report/messages'
let sim: AnthropicSimulator

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now })
})
afterAll(() => sim.close())

interface Row {
  uncached_input_tokens: number
  cache_read_input_tokens: number
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number }
  output_tokens: number
  server_tool_use: { web_search_requests: number }
  [dimension: string]: unknown
}

function totals(rows: Row[]): TokenCounts {
  const t = {
    uncachedInput: 0,
    cacheRead: 0,
    cacheCreation5m: 0,
    cacheCreation1h: 0,
    output: 0,
    webSearchRequests: 0,
  }
  for (const r of rows) {
    t.uncachedInput += r.uncached_input_tokens
    t.cacheRead += r.cache_read_input_tokens
    t.cacheCreation5m += r.cache_creation.ephemeral_5m_input_tokens
    t.cacheCreation1h += r.cache_creation.ephemeral_1h_input_tokens
    t.output += r.output_tokens
    t.webSearchRequests += r.server_tool_use.web_search_requests
  }
  return t
}

const resultsOf = (pages: ReportPage[]) =>
  pages.flatMap((p) => p.data.flatMap((b) => b.results)) as unknown as Row[]

describe('usage_report/messages', () => {
  it('pages grouped token counts to the end and matches the truth per day', async () => {
    const from = addDays(TODAY, -30)
    const groupBy = ['api_key_id', 'workspace_id', 'model']
    const pages = await readAllPages(sim, USAGE, {
      starting_at: from,
      ending_at: TODAY,
      'group_by[]': groupBy,
    })
    expect(pages.map((p) => p.data.length)).toEqual([7, 7, 7, 7, 2])
    const truth = sim.truth.tokensByDay(from, addDays(TODAY, -1))
    for (const bucket of pages.flatMap((p) => p.data)) {
      expect(totals(bucket.results as unknown as Row[])).toEqual(
        truth.get(bucket.starting_at.slice(0, 10)),
      )
    }
  })

  it('has Console usage as api_key_id null with the account filled', async () => {
    const pages = await readAllPages(sim, USAGE, {
      starting_at: addDays(TODAY, -30),
      ending_at: TODAY,
      'group_by[]': ['api_key_id', 'account_id'],
      limit: 31,
    })
    const rows = resultsOf(pages)
    const console = rows.filter((r) => r.api_key_id === null)
    expect(console.length).toBeGreaterThan(0)
    const userIds = new Set(sim.truth.org.users.map((u) => u.id))
    for (const row of console) expect(userIds.has(row.account_id as string)).toBe(true)
    for (const row of rows.filter((r) => r.api_key_id !== null)) expect(row.account_id).toBeNull()
  })

  it('leaves every dimension not grouped null', async () => {
    const res = await getJson(sim, USAGE, {
      starting_at: addDays(TODAY, -2),
      ending_at: TODAY,
      'group_by[]': ['model'],
    })
    const rows = resultsOf([res.body])
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.model).toMatch(/^claude-/)
      expect([
        row.api_key_id,
        row.workspace_id,
        row.account_id,
        row.service_tier,
        row.context_window,
      ]).toEqual([null, null, null, null, null])
    }
  })

  it('filters by api key, workspace and model', async () => {
    const key = sim.truth.org.apiKeys.find((k) => k.name === 'prod-backend')!
    const res = await getJson(sim, USAGE, {
      starting_at: addDays(TODAY, -7),
      ending_at: TODAY,
      'api_key_ids[]': key.id,
      'models[]': 'claude-haiku-4-5-20251001',
      'group_by[]': ['api_key_id', 'model', 'workspace_id'],
    })
    const rows = resultsOf([res.body])
    expect(rows).toHaveLength(7)
    for (const row of rows)
      expect(row).toMatchObject({
        api_key_id: key.id,
        model: 'claude-haiku-4-5-20251001',
        workspace_id: key.workspaceId,
      })
    const ws = await getJson(sim, USAGE, {
      starting_at: addDays(TODAY, -7),
      ending_at: TODAY,
      'workspace_ids[]': key.workspaceId!,
      'group_by[]': ['workspace_id'],
    })
    expect(resultsOf([ws.body]).every((r) => r.workspace_id === key.workspaceId)).toBe(true)
  })

  it('spreads a day over hourly buckets that sum back to it (24 per page by default, 168 max)', async () => {
    const day = addDays(TODAY, -3)
    const hourly = await getJson(sim, USAGE, {
      starting_at: day,
      ending_at: addDays(day, 1),
      bucket_width: '1h',
    })
    expect(hourly.body.data).toHaveLength(24)
    expect(hourly.body.has_more).toBe(false)
    expect(totals(resultsOf([hourly.body]))).toEqual(sim.truth.tokensByDay(day, day).get(day))
    const week = await getJson(sim, USAGE, {
      starting_at: day,
      ending_at: TODAY,
      bucket_width: '1h',
      limit: 168,
    })
    expect(week.body.data).toHaveLength(72)
    const tooMany = await getJson(sim, USAGE, { starting_at: day, bucket_width: '1h', limit: 169 })
    expect(tooMany.status).toBe(400)
  })

  it('serves 60 minute buckets per page by default and 1440 at most', async () => {
    const day = addDays(TODAY, -3)
    const res = await getJson(sim, USAGE, {
      starting_at: day,
      ending_at: addDays(day, 1),
      bucket_width: '1m',
    })
    expect(res.body.data).toHaveLength(60)
    expect(res.body.data[1]!.starting_at).toBe(`${day}T00:01:00Z`)
    const max = await getJson(sim, USAGE, {
      starting_at: day,
      ending_at: addDays(day, 1),
      bucket_width: '1m',
      limit: 1440,
    })
    expect(max.body.data).toHaveLength(1440)
    expect(max.body.has_more).toBe(false)
  })
})

describe('usage_report/messages validation', () => {
  it('rejects more than 5 group_by[] dimensions with the documented message', async () => {
    const groupBy = [
      'api_key_id',
      'workspace_id',
      'model',
      'service_tier',
      'context_window',
      'inference_geo',
    ]
    const res = await getJson<ErrorBody>(sim, USAGE, { starting_at: TODAY, 'group_by[]': groupBy })
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({
      type: 'invalid_request_error',
      message: 'Cannot specify more than 5 group_by[] dimensions.',
    })
    const five = await getJson(sim, USAGE, {
      starting_at: TODAY,
      'group_by[]': groupBy.slice(0, 5),
    })
    expect(five.status).toBe(200)
  })

  it.each([
    { starting_at: TODAY, group_by: 'model' },
    { starting_at: TODAY, 'group_by[]': 'description' },
    { starting_at: TODAY, api_key_ids: 'apikey_01x' },
    { starting_at: TODAY, bucket_width: '1w' },
    { starting_at: TODAY, ending_at: TODAY },
    { starting_at: TODAY, 'group_by[]': 'speed' },
  ])('rejects %o with 400', async (params) => {
    const res = await getJson<ErrorBody>(sim, USAGE, params)
    expect(res.status).toBe(400)
    expect(res.body.error.type).toBe('invalid_request_error')
  })

  it('groups by speed only with the fast-mode beta header', async () => {
    const headers = {
      'x-api-key': sim.apiKey,
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'fast-mode-2026-02-01',
    }
    const res = await getJson(
      sim,
      USAGE,
      { starting_at: addDays(TODAY, -1), ending_at: TODAY, 'group_by[]': 'speed' },
      headers,
    )
    expect(res.status).toBe(200)
    expect(resultsOf([res.body]).every((r) => r.speed === 'standard')).toBe(true)
  })
})

describe('usage_report/messages legacy shape', () => {
  it('serves only the five 2025 dimensions when asked to', async () => {
    const legacy = await startAnthropicSimulator({
      now: clock.now,
      historyDays: 10,
      legacyUsageFields: true,
    })
    try {
      const res = await getJson(legacy, USAGE, {
        starting_at: addDays(TODAY, -1),
        ending_at: TODAY,
        'group_by[]': 'model',
      })
      const row = resultsOf([res.body])[0]!
      expect(Object.keys(row)).not.toContain('account_id')
      expect(Object.keys(row)).toContain('api_key_id')
      const rejected = await getJson(legacy, USAGE, {
        starting_at: TODAY,
        'group_by[]': 'account_id',
      })
      expect(rejected.status).toBe(400)
    } finally {
      await legacy.close()
    }
  })
})
