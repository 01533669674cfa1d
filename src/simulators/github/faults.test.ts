import { afterEach, describe, expect, it } from 'vitest'
import { startTestSim, type ReportLinks, type TestSim } from './test-support.js'

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

const seats = (t: TestSim) => `/orgs/${t.sim.org}/copilot/billing/seats`
const report = (t: TestSim) =>
  `/orgs/${t.sim.org}/copilot/metrics/reports/organization-1-day?day=2026-03-11`

describe('GitHub simulator: faults and rate limits', () => {
  it('scripts secondary-limit 429s with retry-after on matching paths only', async () => {
    t = await startTestSim()
    t.sim.faults.failNext(2, { status: 429, retryAfterSeconds: 3, path: '/copilot/billing/seats' })
    expect((await t.get(report(t))).status).toBe(200)
    for (let i = 0; i < 2; i++) {
      const res = await t.get(seats(t))
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('3')
      expect(res.headers.get('x-ratelimit-limit')).toBe('5000')
      expect(((await res.json()) as { message: string }).message).toContain('secondary rate limit')
    }
    expect((await t.get(seats(t))).status).toBe(200)
  })

  it('scripts an exhausted primary limit and server errors', async () => {
    t = await startTestSim()
    t.sim.faults.failNext(1, { status: 403, primary: true })
    t.sim.faults.failNext(1, { status: 503 })
    const primary = await t.get(seats(t))
    expect(primary.status).toBe(403)
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBe(
      Date.parse('2026-03-15T12:01:00Z') / 1000,
    )
    const down = await t.get(seats(t))
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ message: 'Service Unavailable' })
    expect((await t.get(seats(t))).status).toBe(200)
  })

  it('truncates a download once; the same link then serves the full file', async () => {
    t = await startTestSim()
    const [link] = (await t.getJson<ReportLinks>(report(t))).download_links
    t.sim.faults.truncateNext(1, { path: '/_storage/' })
    const cut = await t.get(link!, {})
    expect(cut.status).toBe(200)
    const text = await cut.text()
    expect(() => JSON.parse(text) as unknown).toThrow()
    const full = (await (await t.get(link!, {})).json()) as unknown
    expect(full).toEqual(t.sim.truth.orgReport('2026-03-11'))
    expect(JSON.stringify(full).startsWith(text)).toBe(true)
  })

  it('draws background faults reproducibly from the seed and never changes the data', async () => {
    const statuses = async () => {
      const sim = await startTestSim({ seed: 5, faults: { rate429: 0.3, rate5xx: 0.2 } })
      const seen: number[] = []
      for (let i = 0; i < 25; i++) seen.push((await sim.get(seats(sim))).status)
      let res = await sim.get(report(sim))
      while (res.status !== 200) res = await sim.get(report(sim))
      const links = ((await res.json()) as ReportLinks).download_links
      const doc = (await (await sim.get(links[0]!, {})).json()) as unknown
      expect(doc).toEqual(sim.sim.truth.orgReport('2026-03-11'))
      await sim.sim.close()
      return seen
    }
    const first = await statuses()
    expect(await statuses()).toEqual(first)
    expect(new Set(first)).toEqual(new Set([200, 429, 502]))
  })

  it('enforces an optional hourly budget per token on the simulator clock', async () => {
    t = await startTestSim({ rateLimit: { perHour: 3 } })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++)
      remaining.push((await t.get(seats(t))).headers.get('x-ratelimit-remaining'))
    expect(remaining).toEqual(['2', '1', '0'])
    const blocked = await t.get(seats(t))
    expect(blocked.status).toBe(403)
    expect(blocked.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(blocked.headers.get('x-ratelimit-reset')).toBe(
      String(Date.parse('2026-03-15T13:00:00Z') / 1000),
    )
    expect(((await blocked.json()) as { message: string }).message).toContain(
      'API rate limit exceeded',
    )
    t.clock.set('2026-03-15T13:00:00Z')
    expect((await t.get(seats(t))).status).toBe(200)
  })

  it('can answer an exhausted budget with 429 instead', async () => {
    t = await startTestSim({ rateLimit: { perHour: 1, status: 429 } })
    expect((await t.get(seats(t))).status).toBe(200)
    expect((await t.get(seats(t))).status).toBe(429)
  })
})
