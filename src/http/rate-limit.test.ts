import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { createCapturingLogger } from '../core/logger.js'
import { basicAuth } from './auth.js'
import { createHttpClient } from './client.js'
import { createRateLimiter, type RateLimiter } from './rate-limit.js'
import { createFakeClock, createServerPool } from './test-support.js'

const pool = createServerPool()
afterEach(() => pool.closeAll())

/** The most grants that fall in any half-open minute [t, t + 60 s) starting at a grant. */
function busiestMinute(times: number[]): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length))
}

describe('createRateLimiter', () => {
  it('spreads 45 requests at 20/min so no minute holds more than 20, without delaying another endpoint', async () => {
    const clock = createFakeClock()
    const waits: [string, number][] = []
    const limiter = createRateLimiter({
      requestsPerMinute: 20,
      clock,
      onWait: (e, ms) => waits.push([e, ms]),
    })
    const grantsA: number[] = []
    const waitedB: number[] = []
    for (let i = 0; i < 45; i++) {
      await limiter.acquire('/teams/daily-usage-data')
      grantsA.push(clock.nowMs())
      if (i % 9 === 0) waitedB.push(await limiter.acquire('/teams/spend'))
    }
    const start = grantsA[0]!
    expect(busiestMinute(grantsA)).toBe(20)
    // Paced, not stalled: three minutes' worth of slots, the last batch at +120 s.
    expect(grantsA.at(-1)! - start).toBe(120_000)
    expect(grantsA.filter((t) => t === start + 60_000)).toHaveLength(20)
    expect(waitedB).toEqual([0, 0, 0, 0, 0])
    expect(waits.every(([endpoint]) => endpoint === '/teams/daily-usage-data')).toBe(true)
    expect(waits).toHaveLength(2)
  })

  it('applies per-endpoint overrides', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ requestsPerMinute: 1, limits: { '/fast': 3 }, clock })
    for (let i = 0; i < 3; i++) expect(await limiter.acquire('/fast')).toBe(0)
    expect(await limiter.acquire('/fast')).toBe(60_000)
    expect(await limiter.acquire('/slow')).toBe(0)
    expect(await limiter.acquire('/slow')).toBe(60_000)
  })

  it('holds an endpoint back for as long as the server asked', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ requestsPerMinute: 20, clock })
    limiter.pause('/teams/spend', 30_000)
    expect(await limiter.acquire('/teams/spend')).toBe(30_000)
    expect(await limiter.acquire('/teams/members')).toBe(0)
  })

  it('lets the queue move on when a waiting caller aborts', async () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter({ requestsPerMinute: 1, clock })
    await limiter.acquire('/a')
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    await expect(limiter.acquire('/a', controller.signal)).rejects.toThrow('cancelled')
    expect(await limiter.acquire('/a')).toBe(60_000)
  })

  it('rejects a limit below one request', () => {
    expect(() => createRateLimiter({ requestsPerMinute: 0, clock: createFakeClock() })).toThrow(
      RangeError,
    )
  })
})

describe('pacing in the client', () => {
  async function cursorServer(answer: (n: number) => Response = () => Response.json({ data: [] })) {
    let n = 0
    const app = new Hono().post('*', () => answer(++n))
    return pool.start(app)
  }

  it('paces a 45-request backfill on one endpoint and logs the waits', async () => {
    const url = await cursorServer()
    const clock = createFakeClock()
    const sentAt: number[] = []
    const logger = createCapturingLogger()
    const http = createHttpClient({
      vendor: 'cursor',
      baseUrl: url,
      headers: () => ({ authorization: basicAuth('key_test') }),
      arrayStyle: 'repeat',
      clock,
      logger,
      rateLimit: createRateLimiter({ requestsPerMinute: 20, clock }),
      fetch: (input, init) => {
        sentAt.push(clock.nowMs())
        return fetch(input, init)
      },
    })
    for (let day = 0; day < 45; day++) {
      await http.request({
        path: '/teams/daily-usage-data',
        body: { startDate: day, endDate: day + 1 },
      })
    }
    expect(sentAt).toHaveLength(45)
    expect(busiestMinute(sentAt)).toBeLessThanOrEqual(20)
    const paced = logger.entries.filter((e) => e.event === 'http.paced')
    expect(paced.map((e) => e.fields.waitMs)).toEqual([60_000, 60_000])
    expect(paced[0]).toMatchObject({
      level: 'warn',
      fields: { vendor: 'cursor', endpoint: '/teams/daily-usage-data' },
    })
  })

  it.each([
    [
      'documented body without Retry-After',
      { error: 'Too Many Requests', message: 'Rate limit exceeded. Please try again later.' },
      {},
      250,
    ],
    [
      'third-party body with Retry-After',
      { code: 'error', message: 'Rate limit exceeded' },
      { 'retry-after': '60' },
      60_000,
    ],
  ])(
    'retries a Cursor 429 (%s) and pushes the limiter back',
    async (_name, body, headers, expectedWait) => {
      const url = await cursorServer((n) =>
        n === 1 ? Response.json(body, { status: 429, headers }) : Response.json({ ok: 1 }),
      )
      const clock = createFakeClock()
      const real = createRateLimiter({ requestsPerMinute: 20, clock })
      const paused: [string, number][] = []
      const rateLimit: RateLimiter = {
        acquire: (endpoint, signal) => real.acquire(endpoint, signal),
        pause: (endpoint, ms) => {
          paused.push([endpoint, ms])
          real.pause(endpoint, ms)
        },
      }
      const http = createHttpClient({
        vendor: 'cursor',
        baseUrl: url,
        headers: () => ({}),
        arrayStyle: 'repeat',
        clock,
        rateLimit,
        retry: { random: () => 0.5 },
      })
      const res = await http.request({ path: '/teams/filtered-usage-events', body: { page: 1 } })
      expect(res.attempts).toBe(2)
      expect(paused).toEqual([['/teams/filtered-usage-events', expectedWait]])
      // The client already slept the server's wait, so the limiter adds none on top.
      expect(clock.sleeps).toEqual([expectedWait])
    },
  )
})
