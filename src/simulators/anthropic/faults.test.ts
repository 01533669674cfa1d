import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../core/days.js'
import { cents, sum } from '../../core/money.js'
import {
  startAnthropicSimulator,
  type AnthropicSimulator,
  type AnthropicSimulatorOptions,
} from './index.js'
import {
  authHeaders,
  createTestClock,
  getJson,
  urlOf,
  type ErrorBody,
  type ReportPage,
} from './test-helpers.js'

const TODAY = '2026-03-15'
const clock = createTestClock(`${TODAY}T10:00:00Z`)
const ME = '/v1/organizations/me'
const COST = '/v1/organizations/cost_report'
const started: AnthropicSimulator[] = []

async function start(options: AnthropicSimulatorOptions = {}): Promise<AnthropicSimulator> {
  const sim = await startAnthropicSimulator({ now: clock.now, historyDays: 30, ...options })
  started.push(sim)
  return sim
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

async function statuses(sim: AnthropicSimulator, n: number): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const res = await fetch(urlOf(sim, ME), { headers: authHeaders(sim) })
    out.push(`${res.status}:${res.headers.get('retry-after') ?? '-'}`)
    await res.text()
  }
  return out
}

describe('scripted faults', () => {
  it('fails the next N requests with 429 and retry-after, then recovers', async () => {
    const sim = await start()
    sim.faults.failNext(2, { status: 429, retryAfterSeconds: 7 })
    expect(sim.faults.pending()).toBe(2)
    const first = await getJson<ErrorBody>(sim, ME)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('7')
    expect(first.headers.get('request-id')).toBe(first.body.request_id)
    expect(first.body.error.type).toBe('rate_limit_error')
    expect(await statuses(sim, 2)).toEqual(['429:7', '200:-'])
    expect(sim.faults.pending()).toBe(0)
  })

  it('sends the spend-cap 429 without retry-after, and 500/529 with their error types', async () => {
    const sim = await start()
    sim.faults.failNext(1, { status: 429 })
    sim.faults.failNext(1, { status: 529 })
    sim.faults.failNext(1, { status: 500 })
    const [cap, overloaded, broken] = [
      await getJson<ErrorBody>(sim, ME),
      await getJson<ErrorBody>(sim, ME),
      await getJson<ErrorBody>(sim, ME),
    ]
    expect(cap.headers.get('retry-after')).toBeNull()
    expect(overloaded.status).toBe(529)
    expect(overloaded.body.error.type).toBe('overloaded_error')
    expect(broken.status).toBe(500)
    expect(broken.body.error.type).toBe('api_error')
  })

  it('scopes a fault to a path and can replace the body', async () => {
    const sim = await start()
    sim.faults.failNext(1, { status: 503, path: COST, body: 'upstream connect error' })
    expect((await getJson(sim, ME)).status).toBe(200)
    const res = await fetch(urlOf(sim, COST, { starting_at: TODAY }), { headers: authHeaders(sim) })
    expect(res.status).toBe(503)
    expect(await res.text()).toBe('upstream connect error')
    sim.faults.failNext(5, { status: 500 })
    sim.faults.clear()
    expect((await getJson(sim, ME)).status).toBe(200)
  })

  it('truncates the next body into JSON that does not parse', async () => {
    const sim = await start()
    sim.faults.truncateNext(1, { path: COST })
    const res = await fetch(urlOf(sim, COST, { starting_at: addDays(TODAY, -7) }), {
      headers: authHeaders(sim),
    })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(() => JSON.parse(text) as unknown).toThrow()
    expect((await getJson(sim, COST, { starting_at: addDays(TODAY, -7) })).body.data).toHaveLength(
      7,
    )
  })
})

describe('background faults', () => {
  it('injects seeded 429s (with retry-after) and 5xx, the same sequence for the same seed', async () => {
    const faults = { rate429: 0.3, rate5xx: 0.2, retryAfterSeconds: 2 }
    const a = await statuses(await start({ seed: 7, faults }), 40)
    const b = await statuses(await start({ seed: 7, faults }), 40)
    expect(a).toEqual(b)
    expect(a).toContain('200:-')
    expect(a).toContain('429:2')
    expect(a.some((s) => s.startsWith('500') || s.startsWith('529'))).toBe(true)
  })

  it('never changes the data: a retried read still sums to the truth', async () => {
    const sim = await start({ faults: { rate429: 0.25, rate5xx: 0.15 } })
    const from = addDays(TODAY, -20)
    const amounts: string[] = []
    let page: string | undefined
    let retries = 0
    for (let done = false; !done;) {
      const res = await getJson<ReportPage | ErrorBody>(sim, COST, {
        starting_at: from,
        ending_at: TODAY,
        page,
        'group_by[]': 'description',
        limit: 2,
      })
      if (res.status !== 200) {
        retries++
        continue
      }
      const body = res.body as ReportPage
      amounts.push(...body.data.flatMap((d) => d.results.map((r) => r.amount as string)))
      page = body.next_page ?? undefined
      done = !body.has_more
    }
    expect(retries).toBeGreaterThan(0)
    expect(sum(amounts.map((a) => cents(a)))).toBe(sim.truth.costTotal(from, addDays(TODAY, -1)))
  })
})
