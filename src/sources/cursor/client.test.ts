import { describe, expect, it } from 'vitest'
import { createCapturingLogger } from '../../core/logger.js'
import { createFakeClock } from '../../http/test-support.js'
import { CURSOR_PATHS, PACE_MARGIN_MS, createCursorClient, epochRange } from './client.js'

const KEY = `key_${'ab'.repeat(32)}`

function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch: typeof globalThis.fetch = (url, init) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} })
    return Promise.resolve(new Response('{"teamMembers":[]}', { status: 200 }))
  }
  return { calls, fetch }
}

describe('createCursorClient', () => {
  it('sends Basic auth with the key as user name and an empty password', async () => {
    const { calls, fetch } = recordingFetch()
    const http = createCursorClient({
      apiKey: KEY,
      baseUrl: 'https://api.cursor.example',
      requestsPerMinute: 20,
      clock: createFakeClock(),
      logger: createCapturingLogger(),
      fetch,
    })
    await http.request({ method: 'POST', path: CURSOR_PATHS.spend, body: { page: 1 } })
    const headers = new Headers(calls[0]!.init.headers)
    const auth = headers.get('authorization')!
    expect(auth.startsWith('Basic ')).toBe(true)
    expect(Buffer.from(auth.slice(6), 'base64').toString('utf8')).toBe(`${KEY}:`)
    expect(calls[0]!.init.method).toBe('POST')
    expect(calls[0]!.init.body).toBe('{"page":1}')
  })

  it('paces each endpoint to its limit per minute (plus the margin) and logs http.paced', async () => {
    const { calls, fetch } = recordingFetch()
    const clock = createFakeClock()
    const logger = createCapturingLogger()
    const http = createCursorClient({
      ...{ apiKey: KEY, baseUrl: 'https://api.cursor.example', requestsPerMinute: 2 },
      ...{ clock, logger, fetch },
    })
    for (let i = 0; i < 3; i++) await http.request({ path: CURSOR_PATHS.members })
    await http.request({ path: CURSOR_PATHS.spend, method: 'POST', body: {} })
    expect(calls).toHaveLength(4)
    // Only the third members call waited, a full window; the other endpoint did not.
    expect(clock.sleeps).toEqual([60_000 + PACE_MARGIN_MS])
    const paced = logger.entries.filter((e) => e.event === 'http.paced')
    expect(paced.map((e) => e.fields.endpoint)).toEqual([CURSOR_PATHS.members])
    expect(JSON.stringify(logger.entries)).not.toContain(KEY)
  })
})

describe('epochRange', () => {
  it('covers whole UTC days, the last millisecond included, within 30 days', () => {
    const range = epochRange({ from: '2026-03-01', to: '2026-03-30' })
    expect(new Date(range.startDate).toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(new Date(range.endDate).toISOString()).toBe('2026-03-30T23:59:59.999Z')
    expect(range.endDate - range.startDate).toBeLessThanOrEqual(30 * 86_400_000)
  })
})
