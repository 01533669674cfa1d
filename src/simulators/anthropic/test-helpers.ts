// Helpers for this folder's tests: a movable clock and a tiny HTTP client that speaks the
// Admin API's conventions (auth headers, repeated `key[]` params, paging to the end).

import type { AnthropicSimulator } from './index.js'

export { createTestClock, type TestClock } from '../shared/test-clock.js'

interface Paged {
  has_more: boolean
  next_page: string | null
}

/** The report envelope; result rows stay loosely typed (tests read the fields they check). */
export interface ReportPage extends Paged {
  data: { starting_at: string; ending_at: string; results: Record<string, unknown>[] }[]
}

export interface ErrorBody {
  type: 'error'
  error: { type: string; message: string }
  request_id: string
}

export type Params = Record<string, string | number | readonly string[] | undefined>

export interface JsonResponse<T> {
  status: number
  headers: Headers
  body: T
}

export function urlOf(sim: AnthropicSimulator, path: string, params: Params = {}): string {
  const url = new URL(path, sim.url)
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v))
  }
  return url.toString()
}

export function authHeaders(sim: AnthropicSimulator): Record<string, string> {
  return { 'x-api-key': sim.apiKey, 'anthropic-version': '2023-06-01' }
}

export async function getJson<T = ReportPage>(
  sim: AnthropicSimulator,
  path: string,
  params: Params = {},
  headers: Record<string, string> = authHeaders(sim),
): Promise<JsonResponse<T>> {
  const res = await fetch(urlOf(sim, path, params), { headers })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as T }
}

/** Follows `next_page` to the end; fails loudly on any non-200 page. */
export async function readAllPages<T extends Paged = ReportPage>(
  sim: AnthropicSimulator,
  path: string,
  params: Params,
): Promise<T[]> {
  const pages: T[] = []
  let page: string | undefined
  for (let i = 0; i < 1000; i++) {
    const res = await getJson<T>(sim, path, { ...params, page })
    if (res.status !== 200) throw new Error(`page ${i} of ${path}: HTTP ${res.status}`)
    pages.push(res.body)
    if (!res.body.has_more) return pages
    page = res.body.next_page ?? undefined
  }
  throw new Error('paging did not end')
}
