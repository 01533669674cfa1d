import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../core/errors.js'
import { createHttpClient } from './client.js'
import { parseNextLink } from './link.js'
import {
  paginateIdCursor,
  paginateLinkHeader,
  paginateNextPage,
  paginatePageNumber,
  type Page,
} from './paginate.js'
import { createFakeClock, createServerPool } from './test-support.js'
import type { HttpClient, HttpRequest } from './types.js'

const pool = createServerPool()
afterEach(() => pool.closeAll())

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
const SIZE = 3
const token = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64')
const offsetOf = (t: string | undefined) =>
  t ? Number(Buffer.from(t, 'base64').toString().split(':')[1]) : 0

interface List {
  data: string[]
  has_more: boolean
  next_page?: string | null
  last_id?: string | null
  totalPages?: number
}

/** A vendor-like server over ITEMS, 3 per page, speaking every paging style. */
function listServer(seen: string[]) {
  const app = new Hono()
  app.use(async (c, next) => {
    seen.push(new URL(c.req.url).search)
    await next()
  })
  app.get('/next-page', (c) => {
    const offset = offsetOf(c.req.query('page'))
    const more = offset + SIZE < ITEMS.length
    return c.json({
      data: ITEMS.slice(offset, offset + SIZE),
      has_more: more,
      next_page: more ? token(offset + SIZE) : null,
    })
  })
  app.get('/id-cursor', (c) => {
    const after = c.req.query('after_id')
    const offset = after ? ITEMS.indexOf(after) + 1 : 0
    const data = ITEMS.slice(offset, offset + SIZE)
    return c.json({ data, has_more: offset + SIZE < ITEMS.length, last_id: data.at(-1) ?? null })
  })
  app.post('/page-number', async (c) => {
    const { page, pageSize, withTotal } = await c.req.json<{
      page: number
      pageSize: number
      withTotal: boolean
    }>()
    const data = ITEMS.slice((page - 1) * pageSize, page * pageSize)
    return c.json({ data, totalPages: withTotal ? Math.ceil(ITEMS.length / pageSize) : undefined })
  })
  app.get('/seats', (c) => {
    const page = Number(c.req.query('page') ?? '1')
    const last = Math.ceil(ITEMS.length / SIZE)
    const link = (p: number, rel: string) =>
      `<${new URL(c.req.url).origin}/seats?per_page=${SIZE}&page=${p}>; rel="${rel}"`
    const links =
      page < last ? `${link(page + 1, 'next')}, ${link(last, 'last')}` : link(1, 'first')
    c.header('link', links)
    c.header('x-auth-seen', c.req.header('authorization') ?? 'none')
    return c.json({ seats: ITEMS.slice((page - 1) * SIZE, page * SIZE) })
  })
  return app
}

async function setup() {
  const seen: string[] = []
  const url = await pool.start(listServer(seen))
  const http = createHttpClient({
    vendor: 'v',
    baseUrl: url,
    headers: () => ({ authorization: 'Bearer t0ken-for-tests' }),
    arrayStyle: 'repeat',
    clock: createFakeClock(),
  })
  return { http, seen }
}

async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<Page<T>[]> {
  const out: Page<T>[] = []
  for await (const page of pages) out.push(page)
  return out
}

const items = (pages: Page<{ data: string[] }>[]) => pages.flatMap((p) => p.body.data)

describe('paginators read every item exactly once', () => {
  it('has_more + next_page, keeping the other parameters on every page', async () => {
    const { http, seen } = await setup()
    const pages = await collect(
      paginateNextPage<List>(
        http,
        { path: '/next-page', query: { starting_at: '2026-01-01' } },
        {
          hasMore: (b) => b.has_more,
          nextToken: (b) => b.next_page,
        },
      ),
    )
    expect(items(pages)).toEqual(ITEMS)
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3])
    expect(seen).toEqual([
      '?starting_at=2026-01-01',
      `?starting_at=2026-01-01&page=${encodeURIComponent(token(3))}`,
      `?starting_at=2026-01-01&page=${encodeURIComponent(token(6))}`,
    ])
  })

  it('id cursors (after_id ← last_id)', async () => {
    const { http, seen } = await setup()
    const pages = await collect(
      paginateIdCursor<List>(
        http,
        { path: '/id-cursor', query: { limit: SIZE } },
        {
          afterParam: 'after_id',
          lastId: (b) => b.last_id,
          hasMore: (b) => b.has_more,
        },
      ),
    )
    expect(items(pages)).toEqual(ITEMS)
    expect(seen).toEqual(['?limit=3', '?limit=3&after_id=c', '?limit=3&after_id=f'])
  })

  it.each([true, false])(
    'page numbers in a POST body (totalPages given: %s)',
    async (withTotal) => {
      const { http } = await setup()
      const pages = await collect(
        paginatePageNumber<List>(
          http,
          { path: '/page-number', body: { withTotal } },
          {
            pageParam: 'page',
            sizeParam: 'pageSize',
            pageSize: SIZE,
            inBody: true,
            totalPages: (b) => b.totalPages,
            itemCount: (b) => b.data.length,
          },
        ),
      )
      expect(items(pages)).toEqual(ITEMS)
    },
  )

  it('page numbers end on an empty page when the item count is a multiple of the page size', async () => {
    const { http } = await setup()
    const pages = await collect(
      paginatePageNumber<List>(
        http,
        { path: '/page-number', body: { withTotal: false } },
        {
          pageParam: 'page',
          sizeParam: 'pageSize',
          pageSize: 7,
          inBody: true,
          itemCount: (b) => b.data.length,
        },
      ),
    )
    expect(pages.map((p) => p.body.data.length)).toEqual([7, 0])
  })

  it('Link rel="next" URLs on the base origin, with auth on every page', async () => {
    const { http, seen } = await setup()
    const seenAuth: string[] = []
    const counting: HttpClient = {
      request: async <T>(req: HttpRequest) => {
        const res = await http.request<T>(req)
        seenAuth.push(res.headers.get('x-auth-seen') ?? '')
        return res
      },
    }
    const pages = await collect(
      paginateLinkHeader<{ seats: string[] }>(counting, {
        path: '/seats',
        query: { per_page: SIZE },
      }),
    )
    expect(pages.flatMap((p) => p.body.seats)).toEqual(ITEMS)
    expect(seen).toEqual(['?per_page=3', '?per_page=3&page=2', '?per_page=3&page=3'])
    expect(seenAuth).toEqual(Array(3).fill('Bearer t0ken-for-tests'))
  })
})

describe('paginators never stop silently', () => {
  async function fixed(body: (n: number) => unknown) {
    let n = 0
    const url = await pool.start(new Hono().get('*', (c) => c.json(body(++n))))
    return createHttpClient({
      vendor: 'v',
      baseUrl: url,
      headers: () => ({}),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
    })
  }
  const nextPage = (http: HttpClient, maxPages?: number) =>
    collect(
      paginateNextPage<List>(
        http,
        { path: '/r' },
        { hasMore: (b) => b.has_more, nextToken: (b) => b.next_page, maxPages },
      ),
    )

  it('fails when has_more is true but there is no next token', async () => {
    const http = await fixed(() => ({ data: [], has_more: true, next_page: null }))
    const error = await nextPage(http).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PipelineError)
    expect(error).toMatchObject({ code: 'SOURCE_PAYLOAD', context: { endpoint: '/r', page: 1 } })
    expect((error as Error).message).toContain('has_more is true but there is no next page token')
  })

  it('fails on a repeated token instead of looping', async () => {
    const http = await fixed(() => ({ data: [], has_more: true, next_page: 'same' }))
    await expect(nextPage(http)).rejects.toThrow(/next page token repeats an earlier one/)
  })

  it('fails past maxPages', async () => {
    const http = await fixed((n) => ({ data: [], has_more: true, next_page: `t${n}` }))
    await expect(nextPage(http, 5)).rejects.toThrow(/after page 5: more than 5 pages/)
  })

  it('reports the retries spent on each page', async () => {
    let n = 0
    const app = new Hono().get('*', (c) =>
      ++n === 2 ? c.json({}, 503) : c.json({ data: [n], has_more: n < 3, next_page: `t${n}` }),
    )
    const url = await pool.start(app)
    const http = createHttpClient({
      vendor: 'v',
      baseUrl: url,
      headers: () => ({}),
      arrayStyle: 'repeat',
      clock: createFakeClock(),
    })
    const pages = await nextPage(http)
    expect(pages.map((p) => p.retries)).toEqual([0, 1])
  })
})

describe('parseNextLink', () => {
  it('finds rel="next" among several links, in any order', () => {
    const header =
      '<https://api.github.com/x?page=5>; rel="last", <https://api.github.com/x?page=2>; rel="next"'
    expect(parseNextLink(header)).toBe('https://api.github.com/x?page=2')
    expect(parseNextLink('<https://a/b?page=1>; rel="prev"')).toBeUndefined()
    expect(parseNextLink(null)).toBeUndefined()
  })
})
