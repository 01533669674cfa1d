import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_OPENAI_ADMIN_KEY,
  startOpenaiSimulator,
  type OpenaiSimulator,
  type OpenaiSimulatorOptions,
} from './index.js'
import { getJson, unixDay } from './test-client.js'

const NOW = new Date('2026-03-10T12:00:00Z')
const COSTS = '/v1/organization/costs'
const WINDOW = { start_time: unixDay('2026-03-01'), end_time: unixDay('2026-03-04') }

let sim: OpenaiSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(options: OpenaiSimulatorOptions = {}): Promise<OpenaiSimulator> {
  sim = await startOpenaiSimulator({ seed: 5, now: () => NOW, historyDays: 30, ...options })
  return sim
}

describe('authentication', () => {
  it('uses a clearly fake admin key by default', async () => {
    const s = await start()
    expect(s.apiKey).toBe(DEFAULT_OPENAI_ADMIN_KEY)
    expect(s.apiKey).toMatch(/^sk-admin-SIMULATOR/)
  })

  it('answers 401 without a key, in the OpenAI error envelope', async () => {
    const s = await start()
    const res = await fetch(`${s.url}${COSTS}?start_time=${WINDOW.start_time}`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringContaining('API key'),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
  })

  it('answers 401 invalid_api_key for a wrong admin key without echoing it', async () => {
    const s = await start()
    const wrong = 'sk-admin-WRONG-key-value-123'
    const res = await getJson(s, COSTS, WINDOW, wrong)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('invalid_api_key')
    expect(JSON.stringify(res.body)).not.toContain('WRONG')
  })

  it('answers 403 for a project key, which cannot read organization usage', async () => {
    const s = await start()
    const res = await getJson(s, '/v1/organization/usage/completions', WINDOW, 'sk-proj-abc123')
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'insufficient_permissions',
    })
  })
})

describe('faults', () => {
  it('fails the next matching requests with 429 and the retry hints it was given', async () => {
    const s = await start()
    s.faults.failNext(2, { status: 429, retryAfterMs: 250, retryAfterSeconds: 1, path: COSTS })
    const other = await getJson(s, '/v1/organization/projects')
    expect(other.status).toBe(200)
    const first = await getJson(s, COSTS, WINDOW)
    expect(first.status).toBe(429)
    expect([first.headers.get('retry-after-ms'), first.headers.get('retry-after')]).toEqual([
      '250',
      '1',
    ])
    expect(first.body.error).toMatchObject({ code: 'rate_limit_exceeded' })
    expect((await getJson(s, COSTS, WINDOW)).status).toBe(429)
    expect((await getJson(s, COSTS, WINDOW)).status).toBe(200)
  })

  it('sends a 429 with no hint when none is scripted, and 5xx with server_error', async () => {
    const s = await start()
    s.faults.failNext(1, { status: 429 })
    s.faults.failNext(1, { status: 502 })
    const limited = await getJson(s, COSTS, WINDOW)
    expect([
      limited.status,
      limited.headers.get('retry-after'),
      limited.headers.get('retry-after-ms'),
    ]).toEqual([429, null, null])
    const broken = await getJson(s, COSTS, WINDOW)
    expect([broken.status, broken.body.error.type]).toEqual([502, 'server_error'])
  })

  it('truncates a 200 body, then serves the same data as before', async () => {
    const s = await start()
    const before = await getJson(s, COSTS, WINDOW)
    s.faults.truncateNext(1, { path: COSTS })
    const cut = await fetch(
      `${s.url}${COSTS}?start_time=${WINDOW.start_time}&end_time=${WINDOW.end_time}`,
      {
        headers: { authorization: `Bearer ${s.apiKey}` },
      },
    )
    expect(cut.status).toBe(200)
    await expect(cut.clone().json()).rejects.toThrow()
    expect((await cut.text()).length).toBeLessThan(JSON.stringify(before.body).length)
    expect((await getJson(s, COSTS, WINDOW)).body).toEqual(before.body)
  })

  it('injects background 429s and 5xx at seeded rates, reproducibly', async () => {
    const statuses = async () => {
      const s = await start({ faults: { rate429: 0.3, rate5xx: 0.2, retryAfterMs: 40 } })
      const seen: number[] = []
      for (let i = 0; i < 30; i++) seen.push((await getJson(s, '/v1/organization/projects')).status)
      const limited = s.requests.find((r) => r.status === 429)
      await s.close()
      sim = undefined
      return { seen, limited }
    }
    const a = await statuses()
    const b = await statuses()
    expect(a.seen).toEqual(b.seen)
    expect(new Set(a.seen)).toEqual(new Set([200, 429, 503]))
    expect(a.limited).toBeDefined()
  })

  it('logs every request with its query and status', async () => {
    const s = await start()
    await getJson(s, COSTS, { ...WINDOW, group_by: ['project_id', 'line_item'] })
    await getJson(s, COSTS, WINDOW, 'nope')
    await getJson(s, COSTS, { limit: 3 })
    expect(s.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', COSTS, 200],
      ['GET', COSTS, 401],
      ['GET', COSTS, 400],
    ])
    expect(s.requests[0]?.query).toMatchObject({
      group_by: ['project_id', 'line_item'],
      start_time: String(WINDOW.start_time),
    })
    expect(s.requests[0]?.at.toISOString()).toBe(NOW.toISOString())
  })
})
