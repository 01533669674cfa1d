// Builds request URLs: base URL + path + query in the vendor's array style. Brackets are sent
// literally (`group_by[]=model`), as Anthropic documents them, not as `%5B%5D`: the original
// system lost data to a wrong array encoding, so the wire form matches the vendor docs exactly.

import type { QueryScalar, QueryValue } from './types.js'

/** `brackets`: `key[]=a&key[]=b` (Anthropic); `repeat`: `key=a&key=b` (OpenAI, GitHub). */
export type ArrayStyle = 'brackets' | 'repeat'

const ABSOLUTE_URL = /^https?:\/\//i

/** True for `http(s)://…` paths (signed download links, `Link` header targets). */
export function isAbsoluteUrl(path: string): boolean {
  return ABSOLUTE_URL.test(path)
}

/**
 * Encodes a query; `undefined`/`null` values (and empty arrays) are skipped, never sent as
 * the text "undefined".
 * @example
 * encodeQuery({ group_by: ['model', 'workspace_id'], limit: 7, page: undefined }, 'brackets')
 * // 'group_by[]=model&group_by[]=workspace_id&limit=7'
 */
export function encodeQuery(query: Record<string, QueryValue>, style: ArrayStyle): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value == null) continue
    if (isList(value)) {
      const name =
        style === 'brackets' && !key.endsWith('[]') ? `${encodeKey(key)}[]` : encodeKey(key)
      for (const item of value) parts.push(`${name}=${encodeScalar(item)}`)
    } else {
      parts.push(`${encodeKey(key)}=${encodeScalar(value)}`)
    }
  }
  return parts.join('&')
}

/**
 * Joins base URL, path and query. A base URL's own path prefix is kept
 * (`https://api.openai.com/v1` + `/organization/costs`); absolute paths are used as they are.
 * @example
 * buildUrl('https://api.anthropic.com', '/v1/organizations/users', { limit: 100 }, 'brackets')
 * // 'https://api.anthropic.com/v1/organizations/users?limit=100'
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, QueryValue> | undefined,
  style: ArrayStyle,
): string {
  const url = isAbsoluteUrl(path)
    ? path
    : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  const qs = query ? encodeQuery(query, style) : ''
  if (!qs) return url
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`
}

/** True when `url` is on the same scheme, host and port as `baseUrl` (auth may be sent). */
export function isSameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin
  } catch {
    return false
  }
}

/** The path of a URL or path, without query or fragment: safe to log and to name an error. */
export function pathOf(pathOrUrl: string): string {
  const bare = pathOrUrl.split(/[?#]/, 1)[0] ?? ''
  if (!isAbsoluteUrl(bare)) return bare
  const url = new URL(bare)
  return `${url.host}${url.pathname}`
}

function encodeKey(key: string): string {
  // A caller may already have written `group_by[]`; keep its brackets readable too.
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']')
}

// Array.isArray does not narrow a readonly array out of a union; this guard does.
function isList(value: QueryValue): value is readonly QueryScalar[] {
  return Array.isArray(value)
}

function encodeScalar(value: QueryScalar): string {
  return encodeURIComponent(String(value))
}
