import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CURSOR_API_KEY, startCursorSimulator, type CursorSimulator } from './index.js'
import { basicAuth, cursorClient, manualClock } from './test-client.js'

const INVALID_KEY = { error: 'Unauthorized', message: 'Invalid API key' }

describe('Cursor simulator: auth, routing and validation', () => {
  let sim: CursorSimulator
  beforeEach(async () => {
    sim = await startCursorSimulator({ now: manualClock().now, rateLimit: false })
  })
  afterEach(async () => sim.close())

  const getMembers = (authorization?: string) =>
    fetch(`${sim.url}/teams/members`, { headers: authorization ? { authorization } : {} })

  it('uses a clearly fake key in the documented key_<64 hex> shape', () => {
    expect(sim.apiKey).toBe(DEFAULT_CURSOR_API_KEY)
    expect(sim.apiKey).toMatch(/^key_[0-9a-f]{64}$/)
  })

  it('accepts HTTP Basic with the key as user name and an empty password', async () => {
    const res = await getMembers(basicAuth(sim.apiKey))
    expect(res.status).toBe(200)
    expect(((await res.json()) as { teamMembers: unknown[] }).teamMembers.length).toBeGreaterThan(0)
  })

  it.each([
    ['no header', undefined],
    ['Bearer with the right key', `Bearer ${DEFAULT_CURSOR_API_KEY}`],
    ['Basic with a wrong key', basicAuth(`key_${'0'.repeat(64)}`)],
    ['Basic with a non-empty password', basicAuth(DEFAULT_CURSOR_API_KEY, 'x')],
    ['Basic with the key as password', basicAuth('', DEFAULT_CURSOR_API_KEY)],
  ])('rejects %s with 401 and the documented body', async (_name, authorization) => {
    const res = await getMembers(authorization)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(INVALID_KEY)
  })

  it('answers 403 "Enterprise access required" for a non-Enterprise team', async () => {
    const plain = await startCursorSimulator({ now: manualClock().now, enterprise: false })
    try {
      const res = await cursorClient(plain).get('/teams/members')
      expect(res.status).toBe(403)
      expect(res.json).toEqual({ error: 'Forbidden', message: 'Enterprise access required' })
    } finally {
      await plain.close()
    }
  })

  it('does not serve the POST endpoints over GET (the first system used GET)', async () => {
    const res = await cursorClient(sim).get('/teams/daily-usage-data')
    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ error: 'Not Found' })
  })

  it('rejects a body that is not JSON with 400', async () => {
    const res = await fetch(`${sim.url}/teams/spend`, {
      method: 'POST',
      headers: { authorization: basicAuth(sim.apiKey), 'content-type': 'application/json' },
      body: '{"page":',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: 'Bad Request',
      message: 'Request body must be valid JSON',
    })
  })

  it.each([
    [{ endDate: 1 }, 'startDate is required (epoch milliseconds)'],
    [{ startDate: '2026-03-01', endDate: 1 }, 'startDate must be a number of epoch milliseconds'],
    [{ startDate: 10, endDate: 5 }, 'endDate must not be before startDate'],
    [
      { startDate: 0, endDate: 1, page: 0, pageSize: 10 },
      'page must be an integer from 1 to 9007199254740991',
    ],
    [
      { startDate: 0, endDate: 1, page: 1, pageSize: 1001 },
      'pageSize must be an integer from 1 to 1000',
    ],
  ])('validates the daily-usage body %j', async (body, message) => {
    const res = await cursorClient(sim).post('/teams/daily-usage-data', body)
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: 'Bad Request', message })
  })

  it('validates spend sort options', async () => {
    const res = await cursorClient(sim).post('/teams/spend', { sortBy: 'cost' })
    expect(res.status).toBe(400)
    expect(res.json.message).toBe('sortBy must be one of: amount, date, user')
  })

  it('logs every request with its body and status, keyless', async () => {
    const client = cursorClient(sim)
    await client.post('/teams/spend', { page: 1, pageSize: 5 })
    await getMembers()
    expect(sim.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/teams/spend', 200],
      ['GET', '/teams/members', 401],
    ])
    expect(sim.requests[0]!.body).toEqual({ page: 1, pageSize: 5 })
    expect(sim.requests[0]!.at.toISOString()).toBe('2026-03-10T15:30:00.000Z')
    expect(JSON.stringify(sim.requests)).not.toContain(sim.apiKey)
  })
})
