// A tiny HTTP client for the simulator's own tests (real fetch over loopback): builds query
// strings with repeated array parameters and reads bucket pages to the end. Test-only helper;
// the product's client lives in src/sources/openai.

import { startOfDayMs, type Day } from '../../core/days.js'

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>

/** One result row of any usage or costs endpoint; each endpoint fills its own fields. */
export interface Row {
  object: string
  input_tokens: number
  output_tokens: number
  input_cached_tokens: number
  num_model_requests: number
  images: number
  usage_bytes: number
  num_requests: number
  project_id: string | null
  user_id: string | null
  api_key_id: string | null
  model: string | null
  batch: boolean | null
  size: string | null
  source: string | null
  amount: { value: number; currency: string }
  line_item: string | null
  quantity: number | null
  [field: string]: unknown
}

export interface Bucket {
  object: string
  start_time: number
  end_time: number
  results: Row[]
}

/** One item of any list endpoint (projects, users, project users, keys, service accounts). */
export interface Item {
  object: string
  id: string
  name: string
  email: string
  role: string
  status: string
  created_at: number
  archived_at: number | null
  added_at: number
  redacted_value: string
  owner: {
    type: string
    user?: { id: string; email: string; name: string; role: string; created_at: number }
    service_account?: { id: string; name: string; role: string; created_at: number }
  }
}

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** A bucket page or, on failure, an error: tests assert on whichever the status says. */
export type PageBody = ErrorBody & {
  object: string
  data: Bucket[]
  has_more: boolean
  next_page: string | null
}
export type ListBody = ErrorBody & {
  object: string
  data: Item[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

export interface ApiResponse<T> {
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
    const values: readonly (string | number | boolean)[] = Array.isArray(value)
      ? value
      : [value as string | number | boolean]
    for (const v of values) params.append(name, String(v))
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export async function getJson<T = PageBody>(
  target: Target,
  path: string,
  query: Query = {},
  key = target.apiKey,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${target.url}${path}${queryString(query)}`, {
    headers: { authorization: `Bearer ${key}` },
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

/** Follows `next_page` until `has_more` is false; returns every bucket and the page count. */
export async function readAllBuckets(
  target: Target,
  path: string,
  query: Query,
): Promise<{ buckets: Bucket[]; pages: number }> {
  const buckets: Bucket[] = []
  let page: string | undefined
  let pages = 0
  do {
    const res = await getJson(target, path, { ...query, page })
    if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`)
    buckets.push(...res.body.data)
    pages += 1
    page = res.body.has_more ? (res.body.next_page ?? undefined) : undefined
  } while (page !== undefined)
  return { buckets, pages }
}

/** Follows `after` = `last_id` through a list endpoint. */
export async function readAllItems(
  target: Target,
  path: string,
  query: Query = {},
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = []
  let after: string | undefined
  let pages = 0
  for (;;) {
    const res = await getJson<ListBody>(target, path, { ...query, after })
    if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`)
    items.push(...res.body.data)
    pages += 1
    if (!res.body.has_more) return { items, pages }
    after = res.body.last_id ?? undefined
  }
}

/** Sum of a numeric field over every result of every bucket. */
export function total(buckets: readonly Bucket[], field: string): number {
  return buckets.reduce((s, b) => s + b.results.reduce((t, r) => t + Number(r[field] ?? 0), 0), 0)
}
