import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, daysIn, type Day } from '../../core/days.js'
import { dollarsFromNumber, sum, type Money } from '../../core/money.js'
import { startOpenaiSimulator, type OpenaiSimulator } from './index.js'
import { getJson, readAllBuckets, unixDay, type Bucket, type ListBody } from './test-client.js'

const NOW = new Date('2026-03-10T12:00:00Z')
const TODAY: Day = '2026-03-10'
const COSTS = '/v1/organization/costs'

let sim: OpenaiSimulator
beforeAll(async () => {
  sim = await startOpenaiSimulator({ seed: 42, now: () => NOW })
})
afterAll(() => sim.close())

const window = (from: Day, days: number) => ({
  start_time: unixDay(from),
  end_time: unixDay(addDays(from, days)),
})
const amountOf = (bucket: Bucket): Money =>
  sum(bucket.results.map((r) => dollarsFromNumber(r.amount.value)))

describe('GET /v1/organization/costs', () => {
  it('serves one daily bucket per UTC day, in Unix seconds, end exclusive', async () => {
    const res = await getJson(sim, COSTS, window('2026-03-01', 3))
    expect(res.status).toBe(200)
    expect(res.body.object).toBe('page')
    expect(res.body.data.map((b: Bucket) => [b.object, b.start_time, b.end_time])).toEqual([
      ['bucket', 1772323200, 1772409600],
      ['bucket', 1772409600, 1772496000],
      ['bucket', 1772496000, 1772582400],
    ])
    expect(res.body).toMatchObject({ has_more: false, next_page: null })
  })

  it('refuses an end_time in the future but accepts end_time = now', async () => {
    const now = NOW.getTime() / 1000
    const future = await getJson(sim, COSTS, {
      start_time: unixDay('2026-03-01'),
      end_time: now + 1,
    })
    expect(future.status).toBe(400)
    expect(future.body).toEqual({
      error: {
        message: expect.stringContaining('future'),
        type: 'invalid_request_error',
        param: 'end_time',
        code: null,
      },
    })
    const atNow = await getJson(sim, COSTS, { start_time: unixDay('2026-03-01'), end_time: now })
    expect(atNow.status).toBe(200)
    expect(atNow.body.data).toHaveLength(7)
  })

  it.each([
    [{ start_time: undefined }, 'start_time'],
    [{ limit: 181 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ bucket_width: '1h' }, 'bucket_width'],
    [{ group_by: ['model'] }, 'group_by'],
    [{ page: 'not-a-cursor' }, 'page'],
  ])('rejects %o with a 400 naming the parameter', async (override, param) => {
    const res = await getJson(sim, COSTS, { ...window('2026-03-01', 3), ...override })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param })
  })

  it('pages 7 days at a time by default and reads every day exactly once', async () => {
    const { buckets, pages } = await readAllBuckets(sim, COSTS, window('2026-01-01', 30))
    expect(pages).toBe(5)
    expect(buckets.map((b) => b.start_time)).toEqual(
      daysIn({ from: '2026-01-01', to: '2026-01-30' }).map(unixDay),
    )
  })

  it('serves 90 days in one page at limit=180', async () => {
    const res = await getJson(sim, COSTS, { ...window(addDays(TODAY, -90), 90), limit: 180 })
    expect(res.body.data).toHaveLength(90)
    expect(res.body.has_more).toBe(false)
  })

  it('refuses a cursor replayed with different parameters', async () => {
    const first = await getJson(sim, COSTS, window('2026-01-01', 30))
    const replay = await getJson(sim, COSTS, {
      ...window('2026-01-01', 30),
      group_by: ['project_id'],
      page: first.body.next_page ?? undefined,
    })
    expect(replay.status).toBe(400)
    expect(replay.body.error.param).toBe('page')
  })

  it('sums to the truth to the nano-dollar over 90 days, day by day', async () => {
    const from = addDays(TODAY, -90)
    const { buckets } = await readAllBuckets(sim, COSTS, window(from, 90))
    const truth = sim.truth.costByDay(from, addDays(TODAY, -1))
    expect(buckets).toHaveLength(90)
    for (const bucket of buckets)
      expect(amountOf(bucket)).toBe(truth.get(dayOfUnix(bucket.start_time)))
    expect(sum(buckets.map(amountOf))).toBe(sim.truth.costTotal(from, addDays(TODAY, -1)))
  })

  it('matches the truth per project and per day when grouped by project', async () => {
    const from = addDays(TODAY, -30)
    const { buckets } = await readAllBuckets(sim, COSTS, {
      ...window(from, 30),
      group_by: ['project_id'],
      limit: 31,
    })
    const truth = sim.truth.costByDayAndProject(from, addDays(TODAY, -1))
    for (const bucket of buckets) {
      const served = new Map(
        bucket.results.map((r) => [r.project_id as string, dollarsFromNumber(r.amount.value)]),
      )
      expect(served).toEqual(truth.get(dayOfUnix(bucket.start_time)))
    }
    expect(
      new Set(buckets.flatMap((b) => b.results.map((r) => r.project_id))).size,
    ).toBeGreaterThanOrEqual(2)
  })

  it('leaves grouping fields and quantity null unless grouped', async () => {
    const plain = await getJson(sim, COSTS, window('2026-03-01', 1))
    expect(plain.body.data[0]!.results).toEqual([
      {
        object: 'organization.costs.result',
        amount: { value: expect.any(Number), currency: 'usd' },
        line_item: null,
        project_id: null,
        api_key_id: null,
        quantity: null,
      },
    ])
    const byProject = await getJson(sim, COSTS, {
      ...window('2026-03-01', 1),
      group_by: ['project_id'],
    })
    for (const r of byProject.body.data[0]!.results) {
      expect(r).toMatchObject({
        project_id: expect.stringMatching(/^proj_/),
        line_item: null,
        api_key_id: null,
        quantity: null,
      })
    }
    const byItem = await getJson(sim, COSTS, {
      ...window('2026-03-01', 1),
      group_by: ['line_item'],
    })
    const items = byItem.body.data[0]!.results.map((r) => r.line_item)
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^gpt-.*, input$/),
        expect.stringMatching(/, output$/),
      ]),
    )
    expect(
      byItem.body.data[0]!.results.every((r) => typeof r.quantity === 'number' && r.quantity > 0),
    ).toBe(true)
  })

  it('accepts group_by[] (SDK brackets) and repeated group_by alike', async () => {
    const plain = await getJson(sim, COSTS, {
      ...window('2026-03-01', 2),
      group_by: ['project_id', 'line_item'],
    })
    const brackets = await getJson(sim, COSTS, {
      ...window('2026-03-01', 2),
      'group_by[]': ['project_id', 'line_item'],
    })
    expect(brackets.body).toEqual(plain.body)
    expect(plain.body.data[0]!.results[0]!.line_item).not.toBeNull()
  })

  it('filters by project_ids and api_key_ids', async () => {
    const projects = await getJson<ListBody>(sim, '/v1/organization/projects')
    const projectId = projects.body.data[1]!.id
    const from: Day = '2026-02-01'
    const filtered = await getJson(sim, COSTS, { ...window(from, 7), project_ids: [projectId] })
    const truth = sim.truth.costByDayAndProject(from, addDays(from, 6))
    filtered.body.data.forEach((b: Bucket) =>
      expect(amountOf(b)).toBe(truth.get(dayOfUnix(b.start_time))?.get(projectId) ?? 0n),
    )
    const byKey = await getJson(sim, COSTS, { ...window(from, 1), group_by: ['api_key_id'] })
    const keyId = byKey.body.data[0]!.results.find((r) => r.api_key_id !== null)!.api_key_id!
    const oneKey = await getJson(sim, COSTS, { ...window(from, 1), api_key_ids: [keyId] })
    const expected = byKey.body.data[0]!.results.find((r) => r.api_key_id === keyId)!.amount.value
    expect(oneKey.body.data[0]!.results[0]!.amount.value).toBe(expected)
  })
})

function dayOfUnix(seconds: number): Day {
  return new Date(seconds * 1000).toISOString().slice(0, 10)
}

describe('costs outside the history', () => {
  it('includes empty buckets (results: []) for days before the first day with data', async () => {
    const short = await startOpenaiSimulator({ seed: 3, now: () => NOW, historyDays: 10 })
    try {
      const res = await getJson(short, COSTS, window(addDays(TODAY, -14), 7))
      const counts = res.body.data.map((b: Bucket) => b.results.length)
      expect(counts).toEqual([0, 0, 0, 0, 1, 1, 1])
      expect(
        short.truth.costByDay(addDays(TODAY, -14), addDays(TODAY, -11)).get(addDays(TODAY, -14)),
      ).toBe(0n)
    } finally {
      await short.close()
    }
  })
})
