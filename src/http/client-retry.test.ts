import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../core/errors.js'
import { createCapturingLogger } from '../core/logger.js'
import { createHttpClient, type HttpClientOptions } from './client.js'
import { createFakeClock, createServerPool, type FakeClock } from './test-support.js'

const pool = createServerPool()
afterEach(() => pool.closeAll())

/** A server whose n-th call (1-based) is answered by `answers[n-1]`, the last one repeating. */
async function scripted(answers: ((n: number) => Response | Promise<Response>)[]) {
  const calls = { count: 0 }
  const app = new Hono().all('*', () => {
    calls.count++
    const answer = answers[Math.min(calls.count, answers.length) - 1]!
    return answer(calls.count)
  })
  return { url: await pool.start(app), calls }
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })

function client(baseUrl: string, clock: FakeClock, more: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    vendor: 'anthropic',
    baseUrl,
    headers: () => ({ 'x-api-key': 'test-key-not-a-real-one' }),
    arrayStyle: 'brackets',
    clock,
    retry: { random: () => 0.5 },
    ...more,
  })
}

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PipelineError)
  return error as PipelineError
}

describe('retries', () => {
  it('waits exactly the Retry-After seconds of a 429, then succeeds', async () => {
    const server = await scripted([json({}, 429, { 'retry-after': '7' }), json({ ok: 1 })])
    const clock = createFakeClock()
    const logger = createCapturingLogger()
    const res = await client(server.url, clock, { logger }).request({ path: '/v1/x' })
    expect(res).toMatchObject({ status: 200, body: { ok: 1 }, attempts: 2 })
    expect(clock.sleeps).toEqual([7000])
    const retry = logger.entries.find((e) => e.event === 'http.retry')
    expect(retry).toMatchObject({
      level: 'warn',
      fields: { vendor: 'anthropic', endpoint: '/v1/x' },
    })
    expect(retry?.fields).toMatchObject({ status: 429, attempt: 1, waitMs: 7000 })
  })

  it('prefers retry-after-ms over retry-after', async () => {
    const headers = { 'retry-after-ms': '1500', 'retry-after': '9' }
    const server = await scripted([json({}, 429, headers), json({})])
    const clock = createFakeClock()
    await client(server.url, clock).request({ path: '/x' })
    expect(clock.sleeps).toEqual([1500])
  })

  it('reads an HTTP-date Retry-After against the injected clock', async () => {
    const clock = createFakeClock('2026-03-01T10:00:00Z')
    const date = new Date(Date.parse('2026-03-01T10:00:30Z')).toUTCString()
    const server = await scripted([json({}, 503, { 'retry-after': date }), json({})])
    await client(server.url, clock).request({ path: '/x' })
    expect(clock.sleeps).toEqual([30_000])
  })

  it('backs off exponentially on 5xx and 529 overloaded', async () => {
    const server = await scripted([
      json({}, 500),
      json({}, 529),
      json({}, 502),
      json({}, 503),
      json({}),
    ])
    const clock = createFakeClock()
    const res = await client(server.url, clock).request({ path: '/x' })
    expect(res.attempts).toBe(5)
    // Full jitter with random() = 0.5: half of 500, 1000, 2000, 4000.
    expect(clock.sleeps).toEqual([250, 500, 1000, 2000])
  })

  it('caps the backoff at maxDelayMs', async () => {
    const server = await scripted([json({}, 500), json({}, 500), json({}, 500), json({})])
    const clock = createFakeClock()
    const retry = { random: () => 0.999, baseDelayMs: 1000, maxDelayMs: 1500 }
    await client(server.url, clock, { retry }).request({ path: '/x' })
    expect(clock.sleeps).toEqual([999, 1499, 1499])
  })

  it('never retries when the server says x-should-retry: false', async () => {
    const server = await scripted([
      json({ error: { message: 'nope' } }, 500, { 'x-should-retry': 'false' }),
    ])
    const clock = createFakeClock()
    const error = await failure(client(server.url, clock).request({ path: '/x' }))
    expect(error.code).toBe('SOURCE_HTTP')
    expect(server.calls.count).toBe(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries a 4xx the server marks x-should-retry: true', async () => {
    const server = await scripted([json({}, 400, { 'x-should-retry': 'true' }), json({ ok: 1 })])
    const res = await client(server.url, createFakeClock()).request({ path: '/x' })
    expect(res.attempts).toBe(2)
  })

  it('retries a timed-out attempt', async () => {
    const server = await scripted([() => new Promise<Response>(() => {}), json({ ok: 1 })])
    const logger = createCapturingLogger()
    const res = await client(server.url, createFakeClock(), { timeoutMs: 100, logger }).request({
      path: '/x',
    })
    expect(res).toMatchObject({ body: { ok: 1 }, attempts: 2 })
    expect(logger.entries.find((e) => e.event === 'http.retry')?.fields).toMatchObject({
      reason: 'timeout',
    })
  })

  it('times out a body that stalls after the headers, and retries', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":[')) }),
        { headers: { 'content-type': 'application/json' } },
      )
    const server = await scripted([stalled, json({ data: [] })])
    const logger = createCapturingLogger()
    const http = client(server.url, createFakeClock(), { timeoutMs: 100, logger })
    const res = await http.request({ path: '/x' })
    expect(res).toMatchObject({ body: { data: [] }, attempts: 2 })
    expect(logger.entries.find((e) => e.event === 'http.retry')?.fields).toMatchObject({
      reason: 'timeout',
    })
  })

  it('gives up on a server that never answers with a retryable timeout error', async () => {
    const server = await scripted([() => new Promise<Response>(() => {})])
    const http = client(server.url, createFakeClock(), { timeoutMs: 50, retry: { maxAttempts: 2 } })
    const error = await failure(http.request({ path: '/v1/slow' }))
    expect(error).toMatchObject({ code: 'SOURCE_HTTP', retryable: true })
    expect(error.message).toContain('did not answer GET /v1/slow within 50 ms')
    expect(error.message).toContain('gave up after 2 attempts')
    expect(server.calls.count).toBe(2)
  })

  it('retries a truncated JSON body, then succeeds', async () => {
    const truncated = () => new Response('{"data":[{"amount":"12', { status: 200 })
    const server = await scripted([truncated, json({ data: [{ amount: '12.5' }] })])
    const res = await client(server.url, createFakeClock()).request({ path: '/x' })
    expect(res).toMatchObject({ body: { data: [{ amount: '12.5' }] }, attempts: 2 })
  })

  it('ends a body that never parses as a retryable SOURCE_PAYLOAD without quoting it', async () => {
    const server = await scripted([() => new Response('{"email":"a@b.c",', { status: 200 })])
    const error = await failure(
      client(server.url, createFakeClock(), { retry: { maxAttempts: 3 } }).request({ path: '/x' }),
    )
    expect(error).toMatchObject({ code: 'SOURCE_PAYLOAD', retryable: true })
    expect(error.message).not.toContain('a@b.c')
    expect(server.calls.count).toBe(3)
  })

  it('returns NDJSON as text when asked', async () => {
    const server = await scripted([() => new Response('{"a":1}\n{"a":2}\n')])
    const res = await client(server.url, createFakeClock()).request({
      path: '/x',
      responseType: 'text',
    })
    expect(res.body).toBe('{"a":1}\n{"a":2}\n')
  })

  it('reports unreachable hosts as retryable network errors', async () => {
    const server = await scripted([json({})])
    await pool.closeAll()
    const http = client(server.url, createFakeClock(), { retry: { maxAttempts: 2 } })
    const error = await failure(http.request({ path: '/x' }))
    expect(error).toMatchObject({ code: 'SOURCE_HTTP', retryable: true })
    expect(error.message).toMatch(/could not be reached for GET \/x \(ECONNREFUSED\)/)
  })

  it('stops at once, with the caller signal reason, when the caller aborts', async () => {
    const server = await scripted([json({})])
    const controller = new AbortController()
    controller.abort(new Error('run cancelled'))
    const http = client(server.url, createFakeClock())
    await expect(http.request({ path: '/x', signal: controller.signal })).rejects.toThrow(
      'run cancelled',
    )
  })
})

describe('rate limits and terminal errors', () => {
  it('ends a 429 asking for more than maxRetryAfterMs at once, saying when to come back', async () => {
    const server = await scripted([json({}, 429, { 'retry-after': '3600' })])
    const clock = createFakeClock('2026-01-15T12:00:00Z')
    const error = await failure(client(server.url, clock).request({ path: '/x' }))
    expect(error).toMatchObject({ code: 'SOURCE_RATE_LIMIT', retryable: true })
    expect(error.message).toContain('rate limited (HTTP 429 on GET /x) — the vendor asks to')
    expect(error.message).toContain('wait 3600 s (until 2026-01-15T13:00:00.000Z)')
    expect(server.calls.count).toBe(1)
    expect(clock.sleeps).toEqual([])
  })

  it('ends a 429 without any hint that keeps failing (spend cap) as SOURCE_RATE_LIMIT', async () => {
    const body = {
      type: 'error',
      error: { type: 'rate_limit_error', message: 'spend limit reached' },
    }
    const server = await scripted([json(body, 429)])
    const clock = createFakeClock()
    const error = await failure(
      client(server.url, clock).request({ path: '/v1/organizations/cost_report' }),
    )
    expect(error.code).toBe('SOURCE_RATE_LIMIT')
    expect(error.message).toContain('spend limit reached')
    expect(error.message).toContain('gave up after 5 attempts')
    expect(error.message).toMatch(/spend or usage cap/)
    expect(error.context).toMatchObject({ vendor: 'anthropic', status: 429, attempts: 5 })
    expect(server.calls.count).toBe(5)
    expect(clock.sleeps).toHaveLength(4)
  })

  it('waits for x-ratelimit-reset on a GitHub primary-limit 403', async () => {
    const clock = createFakeClock('2026-01-15T12:00:00Z')
    const reset = String(Date.parse('2026-01-15T12:00:42Z') / 1000)
    const limited = json({ message: 'API rate limit exceeded' }, 403, {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    })
    const server = await scripted([limited, json({ ok: 1 })])
    const res = await client(server.url, clock, { vendor: 'github' }).request({ path: '/x' })
    expect(res.attempts).toBe(2)
    expect(clock.sleeps).toEqual([42_000])
  })

  it('retries a GitHub secondary-limit 403 with retry-after', async () => {
    const limited = json({ message: 'You have exceeded a secondary rate limit' }, 403, {
      'retry-after': '60',
    })
    const server = await scripted([limited, json({})])
    const clock = createFakeClock()
    await client(server.url, clock, { vendor: 'github' }).request({ path: '/x' })
    expect(clock.sleeps).toEqual([60_000])
  })

  it.each([400, 404, 422])(
    'fails %i at once with the vendor message and status',
    async (status) => {
      const body = {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message: 'Cannot specify more than 5 group_by[] dimensions.',
        },
      }
      const server = await scripted([json(body, status, { 'request-id': 'req_123' })])
      const error = await failure(
        client(server.url, createFakeClock()).request({ path: '/v1/r', query: { a: 1 } }),
      )
      expect(error).toMatchObject({ code: 'SOURCE_HTTP', retryable: false })
      expect(error.message).toBe(
        `anthropic answered HTTP ${status} on GET /v1/r: Cannot specify more than 5 group_by[] dimensions.`,
      )
      expect(error.context).toMatchObject({ vendor: 'anthropic', status, requestId: 'req_123' })
      expect(server.calls.count).toBe(1)
    },
  )

  it('truncates a long vendor error text to about 300 characters', async () => {
    const server = await scripted([
      () => new Response(`<html>${'x'.repeat(5000)}</html>`, { status: 400 }),
    ])
    const error = await failure(client(server.url, createFakeClock()).request({ path: '/x' }))
    expect(error.message.length).toBeLessThan(400)
    expect(error.message).toMatch(/x…$/)
  })
})
