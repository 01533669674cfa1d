import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, type Day } from '../../core/days.js'
import {
  KIND_SPECS,
  USAGE_KINDS,
  startOpenaiSimulator,
  type OpenaiSimulator,
  type UsageKind,
} from './index.js'
import {
  getJson,
  readAllBuckets,
  readAllItems,
  unixDay,
  type Bucket,
  total,
} from './test-client.js'

const NOW = new Date('2026-03-10T12:00:00Z')
const TODAY: Day = '2026-03-10'
const usagePath = (kind: string) => `/v1/organization/usage/${kind}`

let sim: OpenaiSimulator
beforeAll(async () => {
  sim = await startOpenaiSimulator({ seed: 42, now: () => NOW })
})
afterAll(() => sim.close())

const window = (from: Day, days: number) => ({
  start_time: unixDay(from),
  end_time: unixDay(addDays(from, days)),
})

/** The metric fields each endpoint must answer with (vendor-apis.md §2.2–2.3). */
const METRICS: Record<UsageKind, string[]> = {
  completions: [
    'input_tokens',
    'output_tokens',
    'input_cached_tokens',
    'input_audio_tokens',
    'output_audio_tokens',
    'num_model_requests',
  ],
  embeddings: ['input_tokens', 'num_model_requests'],
  moderations: ['input_tokens', 'num_model_requests'],
  images: ['images', 'num_model_requests'],
  audio_speeches: ['characters', 'num_model_requests'],
  audio_transcriptions: ['seconds', 'num_model_requests'],
  vector_stores: ['usage_bytes'],
  code_interpreter_sessions: ['num_sessions'],
  file_search_calls: ['num_requests'],
  web_search_calls: ['num_requests', 'num_model_requests'],
}

describe('usage endpoints', () => {
  it.each(USAGE_KINDS)(
    '%s answers with its own metrics, null grouping fields, and the truth',
    async (kind) => {
      const from = addDays(TODAY, -31)
      const res = await getJson(sim, usagePath(kind), { ...window(from, 31), limit: 31 })
      expect(res.status).toBe(200)
      const results = res.body.data.flatMap((b) => b.results)
      expect(results.length).toBeGreaterThan(0)
      const nulls = Object.fromEntries(KIND_SPECS[kind].groupBy.map((d) => [d, null]))
      for (const r of results) {
        expect(Object.keys(r).sort()).toEqual(
          ['object', ...METRICS[kind], ...KIND_SPECS[kind].groupBy].sort(),
        )
        expect(r).toMatchObject({ object: `organization.usage.${kind}.result`, ...nulls })
      }
      const main = KIND_SPECS[kind].main
      expect(total(res.body.data, main)).toBe(sim.truth.usageCount(kind, from, addDays(TODAY, -1)))
    },
  )

  it('counts input_tokens including cached ones, and matches the truth per model', async () => {
    const from = addDays(TODAY, -20)
    const { buckets } = await readAllBuckets(sim, usagePath('completions'), {
      ...window(from, 20),
      group_by: ['model', 'api_key_id'],
    })
    const results = buckets.flatMap((b) => b.results)
    expect(results.every((r) => r.input_tokens >= r.input_cached_tokens)).toBe(true)
    expect(results.some((r) => r.input_cached_tokens > 0)).toBe(true)
    const truth = sim.truth.tokensByModel(from, addDays(TODAY, -1))
    for (const [model, t] of truth) {
      const mine = results.filter((r) => r.model === model)
      expect([
        total([{ results: mine } as Bucket], 'input_tokens'),
        total([{ results: mine } as Bucket], 'input_cached_tokens'),
      ]).toEqual([t.input, t.cached])
      expect(total([{ results: mine } as Bucket], 'num_model_requests')).toBe(t.requests)
    }
  })

  it('bills exactly the tokens it reports (costs by line item = completions by model)', async () => {
    const day = addDays(TODAY, -3)
    const usage = await getJson(sim, usagePath('completions'), {
      ...window(day, 1),
      group_by: ['model'],
    })
    const costs = await getJson(sim, '/v1/organization/costs', {
      ...window(day, 1),
      group_by: ['line_item'],
    })
    const items = costs.body.data[0]!.results.map((r) => ({
      item: r.line_item!,
      quantity: r.quantity!,
    }))
    for (const r of usage.body.data[0]!.results) {
      const inputs = items.filter(
        (i) => i.item.startsWith(`${r.model}, `) && i.item.endsWith('input'),
      )
      const outputs = items.filter(
        (i) => i.item.startsWith(`${r.model}, `) && i.item.endsWith('output'),
      )
      expect(inputs.reduce((s, i) => s + i.quantity, 0)).toBe(r.input_tokens)
      expect(outputs.reduce((s, i) => s + i.quantity, 0)).toBe(r.output_tokens)
    }
  })

  it.each([
    ['1d', 7, 31],
    ['1h', 24, 168],
    ['1m', 60, 1440],
  ])(
    'bucket_width=%s pages %i buckets by default, at most %i, and refuses more',
    async (width, def, max) => {
      const start = unixDay(addDays(TODAY, -40))
      const query = {
        start_time: start,
        end_time: unixDay(addDays(TODAY, -1)),
        bucket_width: width,
      }
      const byDefault = await getJson(sim, usagePath('embeddings'), query)
      expect([byDefault.body.data.length, byDefault.body.has_more]).toEqual([def, true])
      const atMax = await getJson(sim, usagePath('embeddings'), { ...query, limit: max })
      expect(atMax.body.data).toHaveLength(max)
      const over = await getJson(sim, usagePath('embeddings'), { ...query, limit: max + 1 })
      expect(over.status).toBe(400)
      expect(over.body.error.param).toBe('limit')
    },
  )

  it('splits a day into hours and minutes that add up exactly', async () => {
    const day = addDays(TODAY, -5)
    const daily = await getJson(sim, usagePath('completions'), window(day, 1))
    const hourly = await readAllBuckets(sim, usagePath('completions'), {
      ...window(day, 1),
      bucket_width: '1h',
      limit: 168,
    })
    const minutes = await getJson(sim, usagePath('completions'), {
      ...window(day, 1),
      bucket_width: '1m',
      limit: 1440,
    })
    expect(hourly.buckets).toHaveLength(24)
    expect(minutes.body.data).toHaveLength(1440)
    for (const metric of METRICS.completions) {
      expect(total(hourly.buckets, metric)).toBe(total(daily.body.data, metric))
      expect(total(minutes.body.data, metric)).toBe(total(daily.body.data, metric))
    }
  })

  it('rejects a group_by the endpoint does not support', async () => {
    const res = await getJson(sim, usagePath('vector_stores'), {
      ...window('2026-03-01', 1),
      group_by: ['model'],
    })
    expect(res.status).toBe(400)
    expect(res.body.error.param).toBe('group_by')
  })

  it('answers an unknown usage kind with 404 Invalid URL', async () => {
    const res = await getJson(sim, usagePath('tokens'), window('2026-03-01', 1))
    expect(res.status).toBe(404)
    expect(res.body.error.message).toMatch(/Invalid URL/)
  })

  it('groups images by size and source and filters batch completions', async () => {
    const from = addDays(TODAY, -31)
    const images = await getJson(sim, usagePath('images'), {
      ...window(from, 31),
      limit: 31,
      group_by: ['size', 'source'],
    })
    const sources = new Set(images.body.data.flatMap((b) => b.results.map((r) => r.source)))
    expect(
      [...sources].every((s) =>
        ['image.generation', 'image.edit', 'image.variation'].includes(s as string),
      ),
    ).toBe(true)
    const all = await getJson(sim, usagePath('completions'), { ...window(from, 7) })
    const batch = await getJson(sim, usagePath('completions'), {
      ...window(from, 7),
      batch: 'true',
    })
    const nonBatch = await getJson(sim, usagePath('completions'), {
      ...window(from, 7),
      batch: 'false',
    })
    expect(
      total(batch.body.data, 'num_model_requests') +
        total(nonBatch.body.data, 'num_model_requests'),
    ).toBe(total(all.body.data, 'num_model_requests'))
  })

  it('reports api_key_id values that are project key ids, some only listed with owner_project_access=any', async () => {
    const from = addDays(TODAY, -400)
    const { buckets } = await readAllBuckets(sim, usagePath('completions'), {
      start_time: unixDay(from),
      end_time: unixDay(TODAY),
      limit: 31,
      group_by: ['api_key_id'],
    })
    const used = new Set(buckets.flatMap((b) => b.results.map((r) => r.api_key_id!)))
    const projects = await readAllItems(sim, '/v1/organization/projects', {
      include_archived: true,
    })
    const listed = async (query: Record<string, string>) => {
      const lists = await Promise.all(
        projects.items.map((p) =>
          readAllItems(sim, `/v1/organization/projects/${p.id}/api_keys`, query),
        ),
      )
      return new Set(lists.flatMap((l) => l.items.map((k) => k.id)))
    }
    const byDefault = await listed({})
    const any = await listed({ owner_project_access: 'any' })
    expect([...used].every((id) => any.has(id))).toBe(true)
    expect([...used].filter((id) => !byDefault.has(id)).length).toBeGreaterThan(0)
  })
})
