import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  compactQueryValues,
  firstQueryValues,
  recordRequests,
  type RequestLogEntry,
  type RequestLogOptions,
} from './request-log.js'

const ARRIVAL = new Date('2026-03-10T12:00:00Z')

function appLogging<Q>(log: RequestLogEntry<Q>[], options: Partial<RequestLogOptions<Q>> = {}) {
  let clock = ARRIVAL.getTime()
  const app = new Hono()
  app.use('*', recordRequests(log, { now: () => new Date(clock), ...options }))
  app.get('/ok', (c) => {
    clock += 60_000 // the handler takes a minute: `at` must stay the arrival time
    return c.json({ ok: true })
  })
  app.post('/echo', async (c) => c.text(await c.req.text(), 201))
  return app
}

describe('recordRequests', () => {
  it('keeps every value of a repeated key, the status and the arrival time', async () => {
    const log: RequestLogEntry[] = []
    await appLogging(log).request('/ok?group_by[]=a&group_by[]=b&limit=3')
    await appLogging(log).request('/missing')
    expect(log).toEqual([
      { method: 'GET', path: '/ok', query: { 'group_by[]': ['a', 'b'], limit: ['3'] }, status: 200, at: ARRIVAL },
      { method: 'GET', path: '/missing', query: {}, status: 404, at: ARRIVAL },
    ]) // prettier-ignore
  })

  it('can keep a compact or first-value query instead', async () => {
    const compact: RequestLogEntry<Record<string, string | string[]>>[] = []
    await appLogging(compact, { readQuery: compactQueryValues }).request('/ok?g=a&g=b&limit=3')
    expect(compact[0]!.query).toEqual({ g: ['a', 'b'], limit: '3' })
    const first: RequestLogEntry<Record<string, string>>[] = []
    await appLogging(first, { readQuery: firstQueryValues }).request('/ok?g=a&g=b')
    expect(first[0]!.query).toEqual({ g: 'a' })
  })

  it('redacts the named keys whatever the query form', async () => {
    const all: RequestLogEntry[] = []
    await appLogging(all, { redact: ['sig'] }).request('/ok?sig=secret&exp=1')
    expect(all[0]!.query).toEqual({ sig: ['[redacted]'], exp: ['1'] })
    const first: RequestLogEntry<Record<string, string>>[] = []
    const options = { readQuery: firstQueryValues, redact: ['sig'] }
    await appLogging(first, options).request('/ok?sig=secret')
    expect(JSON.stringify(first)).not.toContain('secret')
  })

  it('keeps a POST body parsed when it is JSON and as text when it is not', async () => {
    const log: RequestLogEntry[] = []
    const app = appLogging(log)
    await app.request('/echo', { method: 'POST', body: '{"page":2}' })
    await app.request('/echo', { method: 'POST', body: 'not json' })
    await app.request('/echo', { method: 'POST' })
    expect(log.map((e) => e.body)).toEqual([{ page: 2 }, 'not json', undefined])
    expect(log.every((e) => e.status === 201)).toBe(true)
  })
})
