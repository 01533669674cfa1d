// The vendor-neutral resource helpers (list-resource.ts, pages.ts, report-tables.ts) against a
// scripted HttpClient: paging to the end, what is sent back, how pages and errors are labelled.

import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import type { HttpClient, HttpRequest } from '../http/types.js'
import { idCursorPages, listResource } from './list-resource.js'
import { nextPagePages, singlePage, windowOrThrow } from './pages.js'
import { dailyReportTable } from './report-tables.js'
import type { ExtractContext } from './source.js'

/** A client that answers each request with the next scripted body and records the request. */
function scripted(bodies: unknown[], attempts = 1) {
  const seen: HttpRequest[] = []
  const http: HttpClient = {
    request: <T>(req: HttpRequest) => {
      seen.push(req)
      const body = bodies.shift()
      return Promise.resolve({ status: 200, headers: new Headers(), body: body as T, attempts })
    },
  }
  return { seen, ctx: { http } as unknown as ExtractContext }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const p of pages) out.push(p)
  return out
}

const users = listResource({
  vendor: 'acme',
  name: 'users',
  table: 'acme_users',
  path: '/users',
  query: { include_archived: true },
  paging: { afterParam: 'after_id', limit: 2 },
  item: z.looseObject({ id: z.string(), email: z.string().nullable() }),
  toRow: (u, ctx) => ({ id: u.id, email: u.email, last_seen_at: ctx.capturedAt }),
})

describe('listResource', () => {
  it('reads every page, passing the last id back, and merges on id', async () => {
    const { seen, ctx } = scripted([
      { data: [{ id: 'u1' }, { id: 'u2' }], has_more: true, last_id: 'u2' },
      { data: [{ id: 'u3' }], has_more: false, last_id: 'u3' },
    ])
    const pages = await collect(users.extract(ctx))
    expect(pages.map((p) => p.page)).toEqual([1, 2])
    expect(seen.map((r) => r.query)).toEqual([
      { limit: 2, include_archived: true },
      { limit: 2, include_archived: true, after_id: 'u2' },
    ])
    expect(users.tables).toEqual([{ name: 'acme_users', primaryKey: ['id'], writeDisposition: 'merge' }])
  })

  it('maps items to rows and names the vendor, resource and field of a bad page', () => {
    const body = { data: [{ id: 'u1', email: 'a@x.example' }], has_more: false }
    const rows = users.normalize({ page: 1, body }, { capturedAt: 'T' })
    expect(rows).toEqual({ acme_users: [{ id: 'u1', email: 'a@x.example', last_seen_at: 'T' }] })
    const bad = { page: 3, body: { data: [{ email: null }], has_more: false } }
    expect(() => users.normalize(bad, { capturedAt: 'T' })).toThrow(/acme users: .* at data\.0\.id/)
  })

  it('refuses has_more without a last id instead of stopping early', async () => {
    const { ctx } = scripted([{ data: [], has_more: true }])
    await expect(collect(idCursorPages(ctx, { afterParam: 'after', limit: 1 }, '/x'))).rejects.toThrow(/last id/)
  })
}) // prettier-ignore

describe('pages', () => {
  const window = { from: '2026-03-01', to: '2026-03-07' }

  it('tags every next_page page with its window and sends the token back as page', async () => {
    const { seen, ctx } = scripted([{ has_more: true, next_page: 'p2' }, { has_more: false }], 2)
    const pages = await collect(nextPagePages(ctx, { path: '/r', query: { limit: 7 } }, window))
    expect(pages.map((p) => [p.page, p.window, p.retries])).toEqual([[1, window, 1], [2, window, 1]])
    expect(seen[1]!.query).toEqual({ limit: 7, page: 'p2' })
  }) // prettier-ignore

  it('reads a one-request resource as one page with its retries', async () => {
    const { ctx } = scripted([{ id: 'org' }], 3)
    expect(await collect(singlePage(ctx, { path: '/me' }))).toEqual([{ page: 1, retries: 2, body: { id: 'org' } }])
  }) // prettier-ignore

  it('names the resource that was run without a window', () => {
    expect(windowOrThrow(window, 'costs')).toBe(window)
    expect(() => windowOrThrow(undefined, 'costs')).toThrow('costs needs a day window')
  })
})

describe('dailyReportTable', () => {
  it('keys a day line, extended for child tables, and replaces by usage_date', () => {
    expect(dailyReportTable('t', ['model'])).toEqual({
      name: 't',
      primaryKey: ['usage_date', 'line_key', 'model'],
      writeDisposition: 'replace_window',
      dateColumn: 'usage_date',
    })
  })
})
