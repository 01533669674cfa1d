import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import { createCapturingLogger } from '../../core/logger.js'
import type { HttpClient, HttpRequest } from '../../http/types.js'
import type { ExtractContext, RawPage } from '../source.js'
import type { EventsPageBody } from './normalize-events.js'
import { usageEventsResource } from './usage-events.js'

const DAY = '2026-03-02'
const at = (n: number) => String(Date.parse(`${DAY}T12:00:00Z`) + n)
const event = (n: number, email = 'a@x.example') => ({
  timestamp: at(n),
  userEmail: email,
  chargedCents: 1,
})

/** Serves `lists[read]` (newest first) two events per page; `read` advances on each page 1. */
function fakeHttp(lists: (unknown[] | ((page: number) => unknown[]))[]) {
  const requests: HttpRequest[] = []
  let read = -1
  const http: HttpClient = {
    request<T>(req: HttpRequest) {
      requests.push(req)
      const { page, pageSize } = req.body as { page: number; pageSize: number }
      if (page === 1) read = Math.min(read + 1, lists.length - 1)
      const source = lists[read]!
      const all = typeof source === 'function' ? source(page) : source
      const body = {
        totalUsageEventsCount: all.length,
        pagination: { numPages: Math.ceil(all.length / pageSize) },
        usageEvents: all.slice((page - 1) * pageSize, page * pageSize),
      }
      return Promise.resolve({ status: 200, headers: new Headers(), body: body as T, attempts: 1 })
    },
  }
  return { http, requests }
}

async function extractDay(http: HttpClient) {
  const logger = createCapturingLogger()
  const resource = usageEventsResource({ lookbackDays: 3, pageSize: 2 })
  const ctx = { http, logger, clock: {} } as unknown as ExtractContext
  const pages: RawPage<EventsPageBody>[] = []
  for await (const p of resource.extract(ctx, { from: DAY, to: DAY })) pages.push(p)
  const rows = pages.flatMap((p) => resource.normalize(p, { capturedAt: '' }).cursor_usage_events!)
  return { pages, rows, logger }
}

describe('usage events extract', () => {
  it('asks for one whole UTC day in epoch ms with page numbers in the body', async () => {
    const { http, requests } = fakeHttp([[event(3), event(2), event(1)]])
    const { pages } = await extractDay(http)
    expect(pages).toHaveLength(2)
    expect(requests.map((r) => r.body)).toEqual([
      {
        startDate: Date.parse(`${DAY}T00:00:00Z`),
        endDate: Date.parse('2026-03-03T00:00:00Z') - 1,
        page: 1,
        pageSize: 2,
      },
      {
        startDate: Date.parse(`${DAY}T00:00:00Z`),
        endDate: Date.parse('2026-03-03T00:00:00Z') - 1,
        page: 2,
        pageSize: 2,
      },
    ])
    expect(
      requests.every((r) => r.method === 'POST' && r.endpoint === '/teams/filtered-usage-events'),
    ).toBe(true)
  })

  it('ranks same-millisecond events across a page boundary', async () => {
    const { http } = fakeHttp([[event(3), event(2), { ...event(2), chargedCents: 9 }]])
    const { rows } = await extractDay(http)
    expect(rows.map((r) => r.occurrence)).toEqual([0, 0, 1])
  })

  it('re-reads the day when new events shift the pages mid-read, so none is read twice', async () => {
    const before = [event(5), event(4), event(3)]
    const after = [event(6), ...before]
    // First read: page 1 before the new event, page 2 after it (event(4) would repeat).
    const { http, requests } = fakeHttp([(page) => (page === 1 ? before : after), after])
    const { rows, logger } = await extractDay(http)
    expect(rows.map((r) => r.event_ms)).toEqual([6, 5, 4, 3].map((n) => Number(at(n))))
    expect(requests.length).toBe(4)
    expect(logger.entries.map((e) => e.event)).toContain('cursor.events_reread')
  })

  it('accepts a total that shrinks (retention drops the oldest, at the end of the list)', async () => {
    const full = [event(5), event(4), event(3), event(2)]
    const { http, requests } = fakeHttp([(page) => (page === 1 ? full : full.slice(0, 3))])
    const { rows } = await extractDay(http)
    expect(rows).toHaveLength(3)
    expect(requests).toHaveLength(2)
  })

  it('gives up after three shifting reads with a retryable error naming the day', async () => {
    let n = 10
    const growing = () => Array.from({ length: n++ }, (_, i) => event(i))
    const { http } = fakeHttp([growing])
    const error = await extractDay(http).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).retryable).toBe(true)
    expect((error as PipelineError).context).toMatchObject({ resource: 'usage_events', day: DAY })
  })
})
