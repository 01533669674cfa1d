import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createFaultEngine, rollRates, type PathMatch } from './faults.js'
import { injectFaults } from './inject-faults.js'
import { createRandom } from './random.js'

interface Spec {
  status: number
  path?: string
}

const never = () => undefined

function engine(pathMatch: PathMatch, background: () => Spec | undefined = never) {
  return createFaultEngine<Spec>({ seedKey: 'test', pathMatch, background })
}

describe('createFaultEngine', () => {
  it('consumes scripted faults in order, then falls back to the background', () => {
    const e = engine('exact', () => ({ status: 503 }))
    e.failNext(2, { status: 429 })
    e.truncateNext(1)
    expect(e.pending()).toBe(3)
    const kinds = [1, 2, 3, 4].map(() => e.decide('/a'))
    expect(kinds).toEqual([
      { kind: 'fail', spec: { status: 429 } },
      { kind: 'fail', spec: { status: 429 } },
      { kind: 'truncate' },
      { kind: 'fail', spec: { status: 503 } },
    ])
    expect(e.pending()).toBe(0)
  })

  it.each([
    ['prefix', ['/v1/cost', '/v1/cost_report'], ['/v2/cost']],
    ['exact', ['/v1/cost'], ['/v1/cost_report', '/x/v1/cost']],
    ['substring', ['/v1/cost', '/x/v1/cost_report'], ['/v1/usage']],
  ] as const)('matches a scripted path by %s', (mode, hits, misses) => {
    const e = engine(mode)
    e.failNext(10, { status: 500, path: '/v1/cost' })
    for (const path of misses) expect(e.decide(path)).toBeUndefined()
    for (const path of hits) expect(e.decide(path)?.kind).toBe('fail')
  })

  it('refuses a count that is not a positive integer, and clear() drops what is left', () => {
    const e = engine('exact')
    expect(() => e.failNext(0, { status: 500 })).toThrow(RangeError)
    expect(() => e.truncateNext(1.5)).toThrow(RangeError)
    e.failNext(3, { status: 500 })
    e.clear()
    expect(e.pending()).toBe(0)
    expect(e.decide('/a')).toBeUndefined()
  })

  it('draws the background from a stream seeded by its key', () => {
    const draw = (seedKey: string) => {
      const e = createFaultEngine<Spec>({
        seedKey,
        pathMatch: 'exact',
        background: (rng) => (rng.chance(0.5) ? { status: 500 } : undefined),
      })
      return Array.from({ length: 40 }, () => e.decide('/a')?.kind ?? 'ok')
    }
    expect(draw('a')).toEqual(draw('a'))
    expect(draw('a')).not.toEqual(draw('b'))
  })
})

describe('rollRates', () => {
  it('rolls once per request: 429 below rate429, then 5xx, else nothing', () => {
    const rng = createRandom(7)
    const rolls = Array.from({ length: 2000 }, () => rollRates(rng, { rate429: 0.2, rate5xx: 0.3 }))
    const share = (v: unknown) => rolls.filter((r) => r === v).length / rolls.length
    expect(share(429)).toBeCloseTo(0.2, 1)
    expect(share('5xx')).toBeCloseTo(0.3, 1)
    expect(rollRates(createRandom(7), {})).toBeUndefined()
  })
})

describe('injectFaults', () => {
  function app(truncate?: 'any' | 'ok-only') {
    const e = engine('exact')
    const a = new Hono()
    a.use('*', injectFaults(e, { fail: (c, spec) => c.text('vendor error', spec.status as 500), truncate }))
    a.get('/ok', (c) => c.json({ items: [1, 2, 3, 4, 5, 6] }))
    a.get('/bad', (c) => c.json({ error: 'bad request' }, 400))
    return { e, a }
  } // prettier-ignore

  it("renders a failure with the vendor's responder", async () => {
    const { e, a } = app()
    e.failNext(1, { status: 503 })
    const res = await a.request('/ok')
    expect([res.status, await res.text()]).toEqual([503, 'vendor error'])
  })

  it('cuts the body in half under status 200, keeping the content type', async () => {
    const { e, a } = app()
    e.truncateNext(2)
    const full = JSON.stringify({ items: [1, 2, 3, 4, 5, 6] })
    const res = await a.request('/ok')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.text()).toBe(full.slice(0, Math.floor(full.length / 2)))
    expect((await a.request('/bad')).status).toBe(200)
  })

  it("with 'ok-only', leaves an error answer whole and the fault spent", async () => {
    const { e, a } = app('ok-only')
    e.truncateNext(1)
    const res = await a.request('/bad')
    expect([res.status, await res.json()]).toEqual([400, { error: 'bad request' }])
    expect(e.pending()).toBe(0)
  })
})
