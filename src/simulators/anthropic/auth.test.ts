import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAnthropicSimulator, type AnthropicSimulator } from './index.js'
import { createTestClock, getJson, type ErrorBody } from './test-helpers.js'

const clock = createTestClock('2026-03-15T10:00:00Z')
let sim: AnthropicSimulator

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now, historyDays: 30 })
})
afterAll(() => sim.close())

const ME = '/v1/organizations/me'

describe('Anthropic simulator auth', () => {
  it('rejects a request without a key with 401 authentication_error in the documented shape', async () => {
    const res = await getJson<ErrorBody>(sim, ME, {}, { 'anthropic-version': '2023-06-01' })
    expect(res.status).toBe(401)
    expect(res.body.type).toBe('error')
    expect(res.body.error.type).toBe('authentication_error')
    expect(res.body.request_id).toMatch(/^req_/)
    expect(res.headers.get('request-id')).toBe(res.body.request_id)
  })

  it('rejects a wrong key without echoing either key', async () => {
    const wrong = 'sk-ant-admin01-WRONG-test-key'
    const res = await getJson<ErrorBody>(
      sim,
      ME,
      {},
      { 'x-api-key': wrong, 'anthropic-version': '2023-06-01' },
    )
    expect(res.status).toBe(401)
    expect(res.body.error.type).toBe('authentication_error')
    expect(JSON.stringify(res.body)).not.toContain(wrong)
    expect(JSON.stringify(res.body)).not.toContain(sim.apiKey)
  })

  it('accepts the key as x-api-key or as a Bearer token', async () => {
    const viaHeader = await getJson(sim, ME)
    const viaBearer = await getJson(
      sim,
      ME,
      {},
      { authorization: `Bearer ${sim.apiKey}`, 'anthropic-version': '2023-06-01' },
    )
    expect(viaHeader.status).toBe(200)
    expect(viaBearer.status).toBe(200)
    expect(viaBearer.body).toEqual(viaHeader.body)
  })

  it('requires anthropic-version: 2023-06-01', async () => {
    const missing = await getJson<ErrorBody>(sim, ME, {}, { 'x-api-key': sim.apiKey })
    const wrong = await getJson<ErrorBody>(
      sim,
      ME,
      {},
      { 'x-api-key': sim.apiKey, 'anthropic-version': '2020-01-01' },
    )
    expect(missing.status).toBe(400)
    expect(missing.body.error.type).toBe('invalid_request_error')
    expect(wrong.status).toBe(400)
  })

  it('puts a request-id header on successful responses too, distinct per request', async () => {
    const a = await getJson(sim, ME)
    const b = await getJson(sim, ME)
    expect(a.headers.get('request-id')).toMatch(/^req_/)
    expect(a.headers.get('request-id')).not.toBe(b.headers.get('request-id'))
  })

  it('answers /me with the organization and unknown paths with 404 not_found_error', async () => {
    const me = await getJson<{ id: string; name: string; type: string }>(sim, ME)
    expect(me.body).toEqual({
      id: sim.truth.org.organization.id,
      name: expect.any(String),
      type: 'organization',
    })
    const missing = await getJson<ErrorBody>(sim, '/v1/organizations/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.type).toBe('not_found_error')
  })

  it('logs every request with its status and the simulator clock', async () => {
    const before = sim.requests.length
    await getJson(sim, ME, { probe: 'yes' }, {})
    const entry = sim.requests[before]!
    expect(entry).toMatchObject({ method: 'GET', path: ME, status: 401, query: { probe: ['yes'] } })
    expect(entry.at.toISOString()).toBe('2026-03-15T10:00:00.000Z')
  })
})
