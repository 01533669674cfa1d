import { afterEach, describe, expect, it } from 'vitest'
import { startCursorSimulator, type CursorSimulator, type CursorSimulatorOptions } from './index.js'
import { cursorClient, manualClock } from './test-client.js'

const SPEND = '/teams/spend'

describe('fault injection', () => {
  let sims: CursorSimulator[] = []
  afterEach(async () => {
    await Promise.all(sims.map((s) => s.close()))
    sims = []
  })

  async function start(options: CursorSimulatorOptions = {}) {
    const sim = await startCursorSimulator({ now: manualClock().now, rateLimit: false, ...options })
    sims.push(sim)
    return { sim, client: cursorClient(sim) }
  }

  it('fails the next matching requests with the scripted status, body and Retry-After', async () => {
    const { sim, client } = await start()
    sim.faults.failNext(2, { status: 503, retryAfterSeconds: 7, path: SPEND })
    expect((await client.get('/teams/members')).status).toBe(200) // other path: untouched
    const first = await client.post(SPEND, {})
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('7')
    expect(first.json).toEqual({
      error: 'Service Unavailable',
      message: 'An unexpected error occurred.',
    })
    expect((await client.post(SPEND, {})).status).toBe(503)
    expect((await client.post(SPEND, {})).status).toBe(200)
  })

  it('serves a custom body', async () => {
    const { sim, client } = await start()
    sim.faults.failNext(1, { status: 429, body: { code: 'error', message: 'Rate limit exceeded' } })
    const reply = await client.get('/teams/members')
    expect([reply.status, reply.json, reply.headers.get('retry-after')]).toEqual([
      429,
      { code: 'error', message: 'Rate limit exceeded' },
      null,
    ])
  })

  it('truncates a 200 body so it is not valid JSON, and the next read is whole and unchanged', async () => {
    const { sim, client } = await start()
    const whole = await client.post(SPEND, { page: 1, pageSize: 100 })
    sim.faults.truncateNext(1, { path: SPEND })
    const cut = await client.post(SPEND, { page: 1, pageSize: 100 })
    expect(cut.status).toBe(200)
    expect(cut.json).toBeUndefined()
    expect(whole.text.startsWith(cut.text)).toBe(true)
    expect((await client.post(SPEND, { page: 1, pageSize: 100 })).text).toBe(whole.text)
  })

  it('fires background 429s and 5xx at the seeded rates, reproducibly', async () => {
    const statuses = async () => {
      const { client } = await start({ faults: { rate429: 0.2, rate5xx: 0.2 } })
      const out: number[] = []
      for (let i = 0; i < 40; i++) out.push((await client.get('/teams/members')).status)
      return out
    }
    const a = await statuses()
    expect(a).toEqual(await statuses())
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(2)
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(2)
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(15)
  })

  it('can clear scripted faults', async () => {
    const { sim, client } = await start()
    sim.faults.failNext(5, { status: 500 })
    sim.faults.clear()
    expect((await client.get('/teams/members')).status).toBe(200)
  })
})
