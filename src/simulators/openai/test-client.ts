// A tiny HTTP client for the simulator's own tests (real fetch over loopback): builds query
// strings with repeated array parameters and reads bucket pages to the end. Test-only helper;
// the product's client lives in src/sources/openai.

import { startOfDayMs, type Day } from '../../core/days.js'

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

export interface Target {
  url: string
  apiKey: string
}

/** Unix seconds of a UTC day's midnight. */
export function unixDay(day: Day): number {
  return startOfDayMs(day) / 1000
}

export function queryString(query: Query): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(name, v)
    else params.append(name, String(value as string | number | boolean))
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export async function getJson<T = any>(target: Target, path: string, query: Query = {}, key = target.apiKey): Promise<ApiResponse<T>> {
  const response = await fetch(`${target.url}${path}${queryString(query)}`, { headers: { authorization: `Bearer ${key}` } })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

export interface Bucket {
  object: string
  start_time: number
  end_time: number
  results: Array<Record<string, any>>
}

/** Follows `next_page` until `has_more` is false; returns every bucket and the page count. */
export async function readAllBuckets(target: Target, path: string, query: Query): Promise<{ buckets: Bucket[]; pages: number }> {
  const buckets: Bucket[] = []
  let page: string | undefined
  let pages = 0
  do {
    const res = await getJson(target, path, { ...query, page })
    if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`)
    buckets.push(...(res.body.data as Bucket[]))
    pages += 1
    page = res.body.has_more ? (res.body.next_page as string) : undefined
  } while (page !== undefined)
  return { buckets, pages }
}

/** Follows `after` = `last_id` through a list endpoint. */
export async function readAllItems(target: Target, path: string, query: Query = {}): Promise<{ items: any[]; pages: number }> {
  const items: any[] = []
  let after: string | undefined
  let pages = 0
  for (;;) {
    const res = await getJson(target, path, { ...query, after })
    if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`)
    items.push(...(res.body.data as any[]))
    pages += 1
    if (!res.body.has_more) return { items, pages }
    after = res.body.last_id as string
  }
}
