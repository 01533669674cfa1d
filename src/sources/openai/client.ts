// The OpenAI organization admin API client: Bearer admin key, repeated array parameters
// (`group_by=a&group_by=b`, the cookbook's form; the API takes bracketed ones too), lossless JSON
// bodies (exact dollar amounts), pacing and retries from the shared HTTP layer — which honours
// `retry-after-ms`, then `retry-after`, as the official SDK does. The key is never logged.

import { bearerAuth } from '../../http/auth.js'
import { createHttpClient } from '../../http/client.js'
import { createRateLimiter } from '../../http/rate-limit.js'
import type { HttpClient } from '../../http/types.js'
import type { VendorClientOptions } from '../source-deps.js'
import { parseOpenaiJson } from './json.js'

export interface OpenaiClientOptions extends VendorClientOptions {
  adminKey: string
}

export function createOpenaiClient(options: OpenaiClientOptions): HttpClient {
  return createHttpClient({
    vendor: 'openai',
    baseUrl: apiBaseUrl(options.baseUrl),
    headers: () => ({ authorization: bearerAuth(options.adminKey) }),
    arrayStyle: 'repeat',
    authHint:
      'check OPENAI_ADMIN_KEY (an Admin key, sk-admin-…, from Settings → Organization → Admin keys; project keys cannot read usage or costs)',
    rateLimit: createRateLimiter({
      requestsPerMinute: options.requestsPerMinute,
      clock: options.clock,
    }),
    parseJson: parseOpenaiJson,
    clock: options.clock,
    logger: options.logger,
    fetch: options.fetch,
  })
}

/**
 * The base URL the paths (`/organization/costs`) hang off: the SDK convention includes `/v1`;
 * a bare origin gets it appended, any other path prefix (a proxy) is kept as given.
 * @example apiBaseUrl('http://127.0.0.1:4000') // 'http://127.0.0.1:4000/v1'
 */
export function apiBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl)
  const isBareOrigin = url.pathname === '/' || url.pathname === ''
  return isBareOrigin ? `${url.origin}/v1` : baseUrl.replace(/\/+$/, '')
}
