// The OpenAI client against the simulator over real HTTP: Bearer auth, repeated array
// parameters, and the shared retry policy honouring retry-after-ms before retry-after (the
// official SDK's order), with sleeps on the fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../../src/core/errors.js'
import { silentLogger } from '../../src/core/logger.js'
import type { HttpClient } from '../../src/http/types.js'
import { startOpenaiSimulator, type OpenaiSimulator } from '../../src/simulators/openai/index.js'
import { createOpenaiClient } from '../../src/sources/openai/client.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

let sim: OpenaiSimulator
let clock: FakeClock
let http: HttpClient

function clientWith(adminKey: string, baseUrl = sim.url) {
  return createOpenaiClient({
    adminKey,
    baseUrl,
    requestsPerMinute: 100_000,
    clock,
    logger: silentLogger,
  })
}

beforeEach(async () => {
  clock = createFakeClock('2026-03-15T10:00:00Z')
  sim = await startOpenaiSimulator({ now: () => clock.now() })
  // A bare origin: the client appends /v1.
  http = clientWith(sim.apiKey)
})
afterEach(() => sim.close())

const USERS = '/v1/organization/users'

describe('OpenAI client', () => {
  it('honours retry-after-ms first, then retry-after seconds', async () => {
    sim.faults.failNext(1, { status: 429, retryAfterMs: 1500, path: USERS })
    sim.faults.failNext(1, { status: 429, retryAfterSeconds: 7, path: USERS })
    sim.faults.failNext(1, { status: 429, retryAfterMs: 250, retryAfterSeconds: 9, path: USERS })
    const res = await http.request({ path: '/organization/users' })
    expect(res.attempts).toBe(4)
    expect(clock.sleeps).toEqual([1500, 7000, 250])
    expect(sim.requests.filter((r) => r.path === USERS).map((r) => r.status)).toEqual([
      429, 429, 429, 200,
    ])
  })

  it('retries a 5xx and a truncated body', async () => {
    sim.faults.failNext(1, { status: 503, path: USERS })
    sim.faults.truncateNext(1, { path: USERS })
    const res = await http.request<{ data: unknown[] }>({ path: '/organization/users' })
    expect(res.attempts).toBe(3)
    expect(res.body.data.length).toBeGreaterThan(0)
  })

  it('sends group_by repeated and is accepted by the API', async () => {
    const query = { start_time: 1773446400, group_by: ['project_id', 'line_item'] }
    await http.request({ path: '/organization/costs', query })
    const [logged] = sim.requests.filter((r) => r.path === '/v1/organization/costs')
    expect(logged!.query.group_by).toEqual(['project_id', 'line_item'])
    expect(logged!.status).toBe(200)
  })

  it('fails a wrong key with an auth error that names the variable, never the key', async () => {
    const wrongKey = 'sk-admin-' + 'WRONG-0000000000000000000000'
    let error: unknown
    try {
      await clientWith(wrongKey, `${sim.url}/v1`).request({ path: '/organization/users' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).code).toBe('SOURCE_AUTH')
    expect((error as PipelineError).message).toMatch(/OPENAI_ADMIN_KEY/)
    expect(JSON.stringify(error)).not.toContain('WRONG')
    expect((error as PipelineError).message).not.toContain('WRONG')
  })
})
