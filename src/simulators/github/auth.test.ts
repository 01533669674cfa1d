import { afterEach, describe, expect, it } from 'vitest'
import { startTestSim, type ReportLinks, type TestSim } from './test-support.js'

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

const seats = (t: TestSim) => `/orgs/${t.sim.org}/copilot/billing/seats`

describe('GitHub simulator: auth, API version, rate-limit headers, request log', () => {
  it('answers 401 in GitHub shape without a token or with a wrong one', async () => {
    t = await startTestSim()
    const missing = await t.get(seats(t), {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    })
    const wrong = await t.get(seats(t), { authorization: 'Bearer ghp_wrong' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' })
    expect(t.sim.apiKey).toMatch(/^ghp_SIMULATOR/)
  })

  it('accepts `Bearer` and `token` schemes, case-insensitively', async () => {
    t = await startTestSim()
    for (const scheme of ['Bearer', 'bearer', 'token', 'Token']) {
      expect(
        (await t.get(seats(t), { authorization: `${scheme} ${t.sim.apiKey}` })).status,
        scheme,
      ).toBe(200)
    }
  })

  it('accepts the documented API versions (or none) and rejects others with 400', async () => {
    t = await startTestSim()
    const auth = { authorization: `Bearer ${t.sim.apiKey}` }
    expect((await t.get(seats(t), auth)).status).toBe(200)
    expect((await t.get(seats(t), { ...auth, 'x-github-api-version': '2026-03-10' })).status).toBe(
      200,
    )
    const bad = await t.get(seats(t), { ...auth, 'x-github-api-version': '2021-01-01' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toContain(
      "'2021-01-01' is not supported",
    )
  })

  it('sends x-ratelimit-* headers on every API response, counting per token', async () => {
    t = await startTestSim()
    const responses = [
      await t.get(seats(t)),
      await t.get(`/orgs/${t.sim.org}/copilot/metrics/reports/users-1-day`),
      await t.get('/no/such/route'),
      await t.get(seats(t)),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 422, 404, 200])
    responses.forEach((r, i) => {
      expect(r.headers.get('x-ratelimit-limit')).toBe('5000')
      expect(r.headers.get('x-ratelimit-used')).toBe(String(i + 1))
      expect(r.headers.get('x-ratelimit-remaining')).toBe(String(5000 - i - 1))
      expect(r.headers.get('x-ratelimit-resource')).toBe('core')
      expect(Number(r.headers.get('x-ratelimit-reset'))).toBe(
        Date.parse('2026-03-15T13:00:00Z') / 1000,
      )
    })
    const anonymous = await t.get(seats(t), {})
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60')
  })

  it('logs requests with their final status, without download signatures', async () => {
    t = await startTestSim()
    const report = await t.getJson<ReportLinks>(
      `/orgs/${t.sim.org}/copilot/metrics/reports/organization-1-day?day=2026-03-11`,
    )
    await t.get(report.download_links[0]!, {})
    await t.get(seats(t), {})
    expect(t.sim.requests.map((r) => r.status)).toEqual([200, 200, 401])
    expect(t.sim.requests[0]).toMatchObject({ method: 'GET', query: { day: '2026-03-11' } })
    expect(t.sim.requests[1]!.query.sig).toBe('[redacted]')
    expect(t.sim.requests[1]!.at.toISOString()).toBe('2026-03-15T12:00:00.000Z')
    // Blob downloads are not API calls: no rate-limit headers there.
    expect((await t.get(report.download_links[0]!, {})).headers.get('x-ratelimit-limit')).toBeNull()
  })
})
