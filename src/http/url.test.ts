import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpClient } from './client.js'
import { createFakeClock, createServerPool } from './test-support.js'
import type { ArrayStyle } from './url.js'
import { buildUrl, encodeQuery, isSameOrigin, pathOf } from './url.js'

const pool = createServerPool()
afterEach(() => pool.closeAll())

describe('encodeQuery', () => {
  it('repeats arrays with brackets or bare keys, skipping undefined and null', () => {
    const query = { group_by: ['model', 'workspace_id'], limit: 7, page: undefined, after: null }
    expect(encodeQuery(query, 'brackets')).toBe('group_by[]=model&group_by[]=workspace_id&limit=7')
    expect(encodeQuery(query, 'repeat')).toBe('group_by=model&group_by=workspace_id&limit=7')
  })

  it('percent-encodes values and keeps a caller-written [] key as is', () => {
    expect(
      encodeQuery(
        { 'models[]': ['a b', 'c&d'], at: '2026-01-01T00:00:00Z', batch: false },
        'brackets',
      ),
    ).toBe('models[]=a%20b&models[]=c%26d&at=2026-01-01T00%3A00%3A00Z&batch=false')
  })
})

describe('buildUrl', () => {
  it('keeps a base path prefix and appends to an existing query', () => {
    expect(
      buildUrl('https://api.openai.com/v1/', '/organization/costs', { limit: 7 }, 'repeat'),
    ).toBe('https://api.openai.com/v1/organization/costs?limit=7')
    expect(buildUrl('https://x', 'https://y/z?sig=1', { a: 1 }, 'repeat')).toBe(
      'https://y/z?sig=1&a=1',
    )
    expect(buildUrl('https://x', '/p', {}, 'repeat')).toBe('https://x/p')
  })

  it('names origins and paths without queries', () => {
    expect(isSameOrigin('http://127.0.0.1:80/a?b', 'http://127.0.0.1/v1')).toBe(true)
    expect(isSameOrigin('http://127.0.0.1:81/a', 'http://127.0.0.1:80')).toBe(false)
    expect(pathOf('/v1/x?page=secret')).toBe('/v1/x')
    expect(pathOf('https://files.example/r/1.ndjson?sig=s')).toBe('files.example/r/1.ndjson')
  })
})

describe('arrays on the wire', () => {
  async function sendArrays(style: ArrayStyle) {
    let raw = ''
    let parsed: string[] | undefined
    const app = new Hono().get('/v1/usage', (c) => {
      raw = new URL(c.req.url).search
      parsed = c.req.queries(style === 'brackets' ? 'group_by[]' : 'group_by')
      return c.json({})
    })
    const url = await pool.start(app)
    const http = createHttpClient({
      vendor: 'v',
      baseUrl: url,
      headers: () => ({}),
      arrayStyle: style,
      clock: createFakeClock(),
    })
    await http.request({
      path: '/v1/usage',
      query: { group_by: ['model', 'workspace_id'], page: undefined },
    })
    return { raw, parsed }
  }

  it('sends Anthropic brackets literally', async () => {
    const { raw, parsed } = await sendArrays('brackets')
    expect(raw).toBe('?group_by[]=model&group_by[]=workspace_id')
    expect(parsed).toEqual(['model', 'workspace_id'])
  })

  it('sends OpenAI repeated keys', async () => {
    const { raw, parsed } = await sendArrays('repeat')
    expect(raw).toBe('?group_by=model&group_by=workspace_id')
    expect(parsed).toEqual(['model', 'workspace_id'])
  })

  it('POSTs JSON bodies with a content type and the default user agent', async () => {
    let seen: { type?: string; agent?: string; body?: unknown } = {}
    const app = new Hono().post('/teams/spend', async (c) => {
      seen = {
        type: c.req.header('content-type'),
        agent: c.req.header('user-agent'),
        body: await c.req.json(),
      }
      return c.json({ ok: true })
    })
    const url = await pool.start(app)
    const http = createHttpClient({
      vendor: 'cursor',
      baseUrl: url,
      headers: () => ({}),
      arrayStyle: 'repeat',
    })
    await http.request({ path: '/teams/spend', body: { page: 2, pageSize: 100 } })
    expect(seen).toEqual({
      type: 'application/json',
      agent: expect.stringMatching(/^ai-usage-pipeline\/\d+\.\d+\.\d+/),
      body: { page: 2, pageSize: 100 },
    })
  })
})
