// OpenAI under faults and over time: 429s (retry-after-ms and retry-after), 5xx and truncated
// bodies are retried with nothing lost; a run a day later re-reads only the lookback and
// replaces revised days; a window ending today never sends a future end_time; and costs
// grouped without API keys reconcile to the same truth.
import { afterEach, describe, expect, it } from 'vitest'
import { addDays, daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createOpenaiHarness, openaiCostByDay, type OpenaiHarness } from './openai-harness.js'

const tmp = createTmpDirs()
let h: OpenaiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const FROM = '2026-01-29'
const TO = '2026-03-14'
const COSTS = '/v1/organization/costs'
const FAULTED = ['openai.costs', 'openai.usage_completions', 'openai.usage_embeddings']
const DAILY = ['openai.costs', 'openai.usage_completions']

async function expectCostTruth(harness: OpenaiHarness, to = TO) {
  const days = daysIn({ from: FROM, to })
  const loaded = await openaiCostByDay(harness.warehouse)
  const truth = harness.sim.truth.costByDay(FROM, to)
  const fmt = (m: Map<string, Money>) => days.map((d) => toDecimalString(m.get(d) ?? (0n as Money)))
  expect(fmt(loaded)).toEqual(fmt(truth))
}

describe('OpenAI pipeline under faults and over time', () => {
  it('retries 429 (retry-after-ms, retry-after), 5xx and truncated bodies, losing nothing', async () => {
    h = await createOpenaiHarness(tmp.make())
    h.sim.faults.failNext(1, { status: 429, retryAfterMs: 1500, path: COSTS })
    h.sim.faults.failNext(1, { status: 429, retryAfterSeconds: 7, path: COSTS })
    h.sim.faults.failNext(1, { status: 503, path: '/v1/organization/usage/completions' })
    h.sim.faults.truncateNext(1, { path: '/v1/organization/usage/embeddings' })
    const report = await h.run({ only: FAULTED })
    expect(report.status).toBe('succeeded')
    const retries = Object.fromEntries(report.resources.map((r) => [r.resource, r.retries]))
    expect(retries).toMatchObject({ costs: 2, usage_completions: 1, usage_embeddings: 1 })
    expect(h.clock.sleeps).toEqual(expect.arrayContaining([1500, 7000]))
    await expectCostTruth(h)
  })

  it('a run a day later re-reads only the lookback and replaces revised days', async () => {
    h = await createOpenaiHarness(tmp.make())
    await h.run({ only: DAILY })
    const seen = h.sim.requests.length
    h.clock.advance(86_400_000)
    const report = await h.run({ only: DAILY })
    expect(report.resources.find((r) => r.resource === 'costs')?.window).toEqual({
      from: addDays(TO, -2),
      to: addDays(TO, 1),
    })
    const costs = h.sim.requests.slice(seen).filter((r) => r.path === COSTS)
    expect(costs.map((r) => r.query.start_time)).toEqual([
      String(Date.parse(`${addDays(TO, -2)}T00:00:00Z`) / 1000),
    ])
    // Recent days grew since the first run; they were replaced, not added to.
    await expectCostTruth(h, addDays(TO, 1))
    const [requests] = await h.warehouse.query<{ n: bigint }>(
      `SELECT sum(num_model_requests) AS n FROM openai_usage_completions`,
    )
    expect(Number(requests!.n)).toBe(h.sim.truth.usageCount('completions', FROM, addDays(TO, 1)))
  })

  it('clamps end_time to now for a window ending today', async () => {
    h = await createOpenaiHarness(tmp.make())
    const today = '2026-03-15'
    const report = await h.run({ from: '2026-03-10', to: today, only: ['openai.costs'] })
    expect(report.status).toBe('succeeded')
    const [request] = h.sim.requests.filter((r) => r.path === COSTS)
    expect(request!.query.end_time).toBe(String(Date.parse('2026-03-15T10:00:00Z') / 1000))
    const loaded = await openaiCostByDay(h.warehouse)
    expect(loaded.get(today)).toBe(h.sim.truth.costByDay(today, today).get(today))
  })

  it('costs grouped by project and line item only reconcile to the same truth', async () => {
    h = await createOpenaiHarness(tmp.make(), { config: { costsByApiKey: false } })
    const report = await h.run({ only: ['openai.costs', 'openai.projects'] })
    expect(report.status).toBe('succeeded')
    await expectCostTruth(h)
    const [keyed] = await h.warehouse.query<{ n: bigint }>(
      `SELECT count(*) AS n FROM openai_costs WHERE api_key_id IS NOT NULL`,
    )
    expect(Number(keyed!.n)).toBe(0)
    const costs = h.sim.requests.filter((r) => r.path === COSTS)
    expect(costs[0]!.query.group_by).toEqual(['project_id', 'line_item'])
  })

  it('a malformed costs page fails only that resource, naming it and the window', async () => {
    h = await createOpenaiHarness(tmp.make())
    h.sim.faults.failNext(1, { status: 200, body: { data: 'nope', has_more: false }, path: COSTS })
    const report = await h.run({ only: ['openai.costs', 'openai.usage_moderations'] })
    const costs = report.resources.find((r) => r.resource === 'costs')!
    expect(costs.status).toBe('failed')
    expect(costs.error?.code).toBe('SOURCE_PAYLOAD')
    expect(costs.error?.message).toMatch(/openai costs: unexpected payload at data/)
    expect(report.resources.find((r) => r.resource === 'usage_moderations')?.status).toBe(
      'succeeded',
    )
  })
})
