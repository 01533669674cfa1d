// Who may start a run: only a valid Google-signed ID token for this service from an allowed
// caller. Every refusal runs nothing (the simulator sees no request, no run is recorded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGoogleIdTokenVerifier } from '../../src/server/oidc.js'
import { createService } from '../../src/server/service.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { countRuns, createServerHarness, type ServerHarness } from './server-harness.js'

const tmp = createTmpDirs()
let h: ServerHarness
beforeAll(async () => {
  h = await createServerHarness(tmp.make('server-auth-'))
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

const now = () => Math.floor(Date.now() / 1000)

async function expectRefused(res: Response, status: number, reason?: string) {
  const body = (await res.json()) as { code: string; reason?: string }
  expect(res.status).toBe(status)
  if (reason) expect(body.reason).toBe(reason)
  expect(h.sim.requests).toHaveLength(0)
  expect(await countRuns(h.warehouse)).toBe(0)
}

describe('POST /run refuses', () => {
  it('a request without a token (401)', async () => {
    const res = await h.post('/run')
    expect(res.headers.get('www-authenticate')).toContain('Bearer')
    await expectRefused(res, 401, 'missing_token')
  })

  it('a malformed Authorization header (401)', async () => {
    const res = await h.post('/run', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    await expectRefused(res, 401, 'malformed_header')
    await expectRefused(await h.post('/run', { token: 'not-a-jwt' }), 401, 'malformed_header')
  })

  it('an expired token, and one expired beyond the small skew allowance (401)', async () => {
    const longAgo = h.tokens.mint({ iat: now() - 7200, exp: now() - 3600 })
    await expectRefused(await h.post('/run', { token: longAgo }), 401, 'expired')
    // The library alone allows 5 minutes; the service allows 60 seconds.
    const justExpired = h.tokens.mint({ iat: now() - 3720, exp: now() - 120 })
    await expectRefused(await h.post('/run', { token: justExpired }), 401, 'expired')
  })

  it('a token for another audience (401)', async () => {
    const token = h.tokens.mint({ aud: 'https://some-other-service.run.app' })
    await expectRefused(await h.post('/run', { token }), 401, 'wrong_audience')
  })

  it('a token from another issuer (401)', async () => {
    const token = h.tokens.mint({ iss: 'https://evil.example.com' })
    await expectRefused(await h.post('/run', { token }), 401, 'wrong_issuer')
  })

  it('a token signed by another key, under a known or an unknown key id (401)', async () => {
    const forged = h.tokens.mint({}, { key: h.tokens.otherKey })
    await expectRefused(await h.post('/run', { token: forged }), 401, 'bad_signature')
    const unknownKid = h.tokens.mint({}, { key: h.tokens.otherKey, kid: 'attacker-key' })
    await expectRefused(await h.post('/run', { token: unknownKid }), 401, 'unknown_key')
  })

  it('a valid token from a caller not on the allow-list, or with an unverified email (403)', async () => {
    const stranger = h.tokens.mint({ email: 'intruder@other-proj.iam.gserviceaccount.com' })
    await expectRefused(await h.post('/run', { token: stranger }), 403)
    const unverified = h.tokens.mint({ email_verified: false })
    await expectRefused(await h.post('/run', { token: unverified }), 403)
  })

  it('an invalid body from an allowed caller (400 with every issue)', async () => {
    const token = h.tokens.mint()
    const res = await h.post('/run', {
      token,
      body: { from: '2026-02-30', to: '2026-01-01', sources: ['cursor'], extra: 1 },
    })
    const body = (await res.json()) as { code: string; issues: string[] }
    expect(res.status).toBe(400)
    expect(body.code).toBe('USAGE')
    expect(body.issues.join('\n')).toMatch(/from: expected a UTC day/)
    expect(body.issues.join('\n')).toMatch(/extra/)
    await expectRefused(await h.post('/run', { token, body: { sources: ['cursor'] } }), 400)
  })

  it('logs each refusal with its reason, never the token', () => {
    const refusals = h.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const reasons = refusals.filter((l) => l.event === 'auth.refused').map((l) => l.reason)
    expect(reasons).toEqual(
      expect.arrayContaining(['missing_token', 'expired', 'wrong_audience', 'bad_signature']),
    )
    expect(reasons).toContain('caller_not_allowed')
    expect(reasons).toContain('email_not_verified')
    expect(h.lines.join('\n')).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\./)
  })
})

describe('GET /runs/:id', () => {
  it('needs the same token, and answers 404 for an unknown run', async () => {
    expect((await h.service.app.request('/runs/run_20260101T000000000Z_abcdef')).status).toBe(401)
    const token = h.tokens.mint()
    const res = await h.service.app.request('/runs/run_20260101T000000000Z_abcdef', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(404)
  })
})

describe('probes and verifier failures', () => {
  it('/healthz and /readyz answer without a token', async () => {
    expect(await (await h.service.app.request('/healthz')).json()).toEqual({ status: 'ok' })
    expect((await h.service.app.request('/readyz')).status).toBe(200)
  })

  it('/readyz is 503 with a redacted reason when the warehouse cannot open', async () => {
    const service = createService({
      config: h.config,
      logger: h.logger,
      clock: h.clock,
      sources: [],
      openWarehouse: () =>
        Promise.reject(new Error('cannot open sk-ant-admin01-LEAKED-0123456789')),
      verifier: createGoogleIdTokenVerifier({
        audience: 'x',
        fetchCerts: () => Promise.resolve({}),
      }),
    })
    const res = await service.app.request('/readyz')
    const text = await res.text()
    expect(res.status).toBe(503)
    expect(text).toContain('unavailable')
    expect(text).not.toContain('LEAKED')
    expect((await service.app.request('/healthz')).status).toBe(200)
  })

  it('answers 503 (retry later), not 401, when Google certificates cannot be fetched', async () => {
    const verifier = createGoogleIdTokenVerifier({
      audience: 'x',
      fetchCerts: () => Promise.reject(new Error('getaddrinfo ENOTFOUND www.googleapis.com')),
    })
    const service = createService({ ...deps(), verifier })
    const res = await service.app.request('/run', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.mint()}` },
    })
    expect(res.status).toBe(503)
    expect(h.sim.requests).toHaveLength(0)
  })
})

function deps() {
  return {
    config: h.config,
    logger: h.logger,
    clock: h.clock,
    sources: [],
    openWarehouse: () => Promise.reject(new Error('unused')),
  }
}
