import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { describeError, PipelineError } from '../core/errors.js'
import { createCapturingLogger } from '../core/logger.js'
import { basicAuth, bearerAuth } from './auth.js'
import { createHttpClient } from './client.js'
import { createFakeClock, createServerPool } from './test-support.js'

const pool = createServerPool()
afterEach(() => pool.closeAll())

// Deliberately not in any known key shape, so only the client's own care can keep it out.
const KEY = 'plainsecret0123456789abcdef'

interface Seen {
  path: string
  headers: Record<string, string>
}

/** Records every request's path and headers; `handle` answers it. */
async function recording(handle: (path: string) => Response) {
  const seen: Seen[] = []
  const app = new Hono().all('*', (c) => {
    const url = new URL(c.req.url)
    seen.push({ path: url.pathname + url.search, headers: c.req.header() })
    return handle(url.pathname)
  })
  return { url: await pool.start(app), seen }
}

const anthropicHeaders = () => ({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' })

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PipelineError)
  return error as PipelineError
}

function everythingTold(error: PipelineError, logs: unknown): string {
  return [
    error.message,
    describeError(error),
    JSON.stringify(error.context),
    JSON.stringify(logs),
  ].join('\n')
}

describe('credentials', () => {
  it('fails a 401 at once with the auth hint, and never the key (even when echoed back)', async () => {
    const echo = JSON.stringify({
      error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` },
    })
    const server = await recording(() => new Response(echo, { status: 401 }))
    const logger = createCapturingLogger()
    const http = createHttpClient({
      vendor: 'anthropic',
      baseUrl: server.url,
      headers: anthropicHeaders,
      arrayStyle: 'brackets',
      authHint: 'check ANTHROPIC_ADMIN_API_KEY',
      clock: createFakeClock(),
      logger,
    })
    const error = await failure(
      http.request({ path: '/v1/organizations/users', query: { token: 'q-secret-value' } }),
    )
    expect(error).toMatchObject({ code: 'SOURCE_AUTH', retryable: false, context: { status: 401 } })
    expect(error.message).toContain(
      'anthropic refused the credentials (HTTP 401 on GET /v1/organizations/users',
    )
    expect(error.message).toContain('check ANTHROPIC_ADMIN_API_KEY')
    expect(error.message).toContain('invalid x-api-key [REDACTED]')
    const told = everythingTold(error, logger.entries)
    expect(told).not.toContain(KEY)
    expect(told).not.toContain('q-secret-value')
    expect(server.seen).toHaveLength(1)
    expect(server.seen[0]!.headers['x-api-key']).toBe(KEY)
  })

  it('treats a 403 that is not a rate limit as SOURCE_AUTH', async () => {
    const body = JSON.stringify({
      message: 'Copilot metrics API access is disabled',
      documentation_url: 'https://docs',
    })
    const server = await recording(() => new Response(body, { status: 403 }))
    const http = createHttpClient({
      vendor: 'github',
      baseUrl: server.url,
      headers: () => ({ authorization: bearerAuth(KEY) }),
      arrayStyle: 'repeat',
      authHint: 'check GITHUB_TOKEN (scopes manage_billing:copilot, read:org)',
      clock: createFakeClock(),
    })
    const error = await failure(
      http.request({ path: '/orgs/acme/copilot/metrics/reports/users-1-day' }),
    )
    expect(error.code).toBe('SOURCE_AUTH')
    expect(error.message).toContain('Copilot metrics API access is disabled')
    expect(error.message).toContain('check GITHUB_TOKEN')
  })

  it('sends Cursor Basic auth with the key as user and an empty password, and redacts it', async () => {
    const server = await recording(
      () =>
        new Response(JSON.stringify({ error: 'Unauthorized', message: `bad key ${KEY}` }), {
          status: 401,
        }),
    )
    const http = createHttpClient({
      vendor: 'cursor',
      baseUrl: server.url,
      headers: () => ({ authorization: basicAuth(KEY) }),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
    })
    const error = await failure(
      http.request({ method: 'POST', path: '/teams/spend', body: { page: 1 } }),
    )
    const sent = server.seen[0]!.headers.authorization!
    expect(Buffer.from(sent.replace(/^Basic /, ''), 'base64').toString()).toBe(`${KEY}:`)
    expect(error.message).toContain('bad key [REDACTED]')
    expect(error.message).toContain('check the cursor credentials')
    expect(everythingTold(error, [])).not.toContain(KEY)
  })

  it('keeps the key, auth header and query strings out of every log line of a retried run', async () => {
    let calls = 0
    const server = await recording(() =>
      ++calls < 3 ? new Response('{}', { status: 503 }) : new Response('{"ok":true}'),
    )
    const logger = createCapturingLogger()
    const http = createHttpClient({
      vendor: 'openai',
      baseUrl: server.url,
      headers: () => ({ authorization: bearerAuth(KEY) }),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
      logger,
    })
    await http.request({
      path: '/v1/organization/costs',
      query: { start_time: 1, page: 'cursor-zzz' },
    })
    const events = logger.entries.map((e) => e.event)
    expect(events).toEqual([
      'http.request',
      'http.retry',
      'http.request',
      'http.retry',
      'http.request',
    ])
    const text = JSON.stringify(logger.entries)
    expect(text).not.toContain(KEY)
    expect(text).not.toMatch(/authorization|bearer/i)
    expect(text).not.toContain('cursor-zzz')
    expect(text).toContain('/v1/organization/costs')
  })

  it('evaluates the headers function before every attempt', async () => {
    let calls = 0
    const server = await recording(() =>
      ++calls < 2 ? new Response('{}', { status: 500 }) : new Response('{}'),
    )
    let minted = 0
    const http = createHttpClient({
      vendor: 'github',
      baseUrl: server.url,
      headers: () =>
        Promise.resolve({ authorization: bearerAuth(`installation-token-${++minted}`) }),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
    })
    await http.request({ path: '/x' })
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([
      'Bearer installation-token-1',
      'Bearer installation-token-2',
    ])
  })
})

describe('absolute URLs', () => {
  it('fetches a signed link on another origin without credentials, and same-origin links with them', async () => {
    const api = await recording(() => new Response('{"a":1}\n'))
    const storage = await recording(() => new Response('{"user":1}\n{"user":2}\n'))
    const http = createHttpClient({
      vendor: 'github',
      baseUrl: api.url,
      headers: () => ({ authorization: bearerAuth(KEY), 'x-github-api-version': '2022-11-28' }),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
    })
    const signed = `${storage.url}/reports/users-1-day.ndjson?sig=abc&se=2026`
    const res = await http.request({ path: signed, responseType: 'text' })
    expect(res.body).toBe('{"user":1}\n{"user":2}\n')
    expect(storage.seen[0]!.path).toBe('/reports/users-1-day.ndjson?sig=abc&se=2026')
    expect(storage.seen[0]!.headers.authorization).toBeUndefined()
    expect(storage.seen[0]!.headers['x-github-api-version']).toBeUndefined()
    expect(storage.seen[0]!.headers['user-agent']).toMatch(/^ai-usage-pipeline\//)

    await http.request({ path: `${api.url}/same-origin?page=2`, responseType: 'text' })
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('drops credentials when a redirect leaves the base origin', async () => {
    const storage = await recording(() => new Response('payload'))
    const api = await recording(() => Response.redirect(`${storage.url}/file?sig=1`, 302))
    const http = createHttpClient({
      vendor: 'anthropic',
      baseUrl: api.url,
      headers: anthropicHeaders,
      arrayStyle: 'brackets',
      clock: createFakeClock(),
    })
    const res = await http.request({ path: '/download', responseType: 'text' })
    expect(res.body).toBe('payload')
    expect(api.seen[0]!.headers['x-api-key']).toBe(KEY)
    expect(storage.seen[0]!.headers['x-api-key']).toBeUndefined()
    expect(storage.seen[0]!.headers['anthropic-version']).toBeUndefined()
  })
})
