import { afterEach, describe, expect, it } from 'vitest'
import { startCursorSimulator, type CursorSimulator } from './index.js'
import { cursorClient, manualClock, type Reply } from './test-client.js'

const DOCUMENTED = {
  error: 'Too Many Requests',
  message: 'Rate limit exceeded. Please try again later.',
}
const OBSERVED = { code: 'error', message: 'Rate limit exceeded' }
const SPEND = '/teams/spend'

describe('per-endpoint rate limit (20 requests per rolling minute)', () => {
  let sim: CursorSimulator | undefined
  afterEach(async () => sim?.close())

  async function start(rateLimit?: { perMinute?: number; windowMs?: number }) {
    const clock = manualClock()
    sim = await startCursorSimulator({ now: clock.now, rateLimit })
    return { clock, client: cursorClient(sim) }
  }

  const burst = async (client: ReturnType<typeof cursorClient>, n: number): Promise<Reply[]> => {
    const replies: Reply[] = []
    for (let i = 0; i < n; i++) replies.push(await client.post(SPEND, { page: 1, pageSize: 5 }))
    return replies
  }

  it('admits 20 and answers the 21st with 429, rotating both documented bodies, with and without Retry-After', async () => {
    const { client } = await start()
    const replies = await burst(client, 24)
    expect(replies.slice(0, 20).every((r) => r.status === 200)).toBe(true)
    const limited = replies.slice(20)
    expect(limited.map((r) => r.status)).toEqual([429, 429, 429, 429])
    expect(limited.map((r) => r.json as unknown)).toEqual([
      DOCUMENTED,
      OBSERVED,
      DOCUMENTED,
      OBSERVED,
    ])
    expect(limited.map((r) => r.headers.get('retry-after'))).toEqual([null, '60', '60', null])
  })

  it('limits each endpoint separately', async () => {
    const { client } = await start()
    await burst(client, 21)
    const events = await client.post('/teams/filtered-usage-events', {})
    const members = await client.get('/teams/members')
    expect([events.status, members.status]).toEqual([200, 200])
  })

  it("admits again once the window rolls past on the simulator's clock; 429s do not fill it", async () => {
    const { clock, client } = await start()
    await burst(client, 10)
    clock.advance(30_000)
    await burst(client, 10)
    expect((await client.post(SPEND, {})).status).toBe(429)
    clock.advance(30_001) // the first 10 have left the window, the last 10 have not
    const replies = await burst(client, 11)
    expect(replies.map((r) => r.status)).toEqual([...Array<number>(10).fill(200), 429])
    expect(replies.at(-1)!.headers.get('retry-after')).toBe('30') // the oldest admitted leaves in 29.999 s
  })

  it('takes a shorter window and a different limit for fast real-time pacing tests', async () => {
    const { clock, client } = await start({ perMinute: 3, windowMs: 600 })
    expect((await burst(client, 4)).map((r) => r.status)).toEqual([200, 200, 200, 429])
    clock.advance(601)
    expect((await burst(client, 1))[0]!.status).toBe(200)
  })

  it('can be switched off', async () => {
    sim = await startCursorSimulator({ now: manualClock().now, rateLimit: false })
    const replies = await burst(cursorClient(sim), 25)
    expect(replies.every((r) => r.status === 200)).toBe(true)
  })
})
