// The Anthropic Admin API client: base URL, the two required headers, bracket arrays
// (`group_by[]=a&group_by[]=b`; plain `group_by=` is rejected), pacing and retries — all
// from the shared HTTP layer. The key is read per request and never logged.

import { createHttpClient } from '../../http/client.js'
import { createRateLimiter } from '../../http/rate-limit.js'
import type { HttpClient } from '../../http/types.js'
import type { VendorClientOptions } from '../source-deps.js'

export const ANTHROPIC_VERSION = '2023-06-01'

export interface AnthropicClientOptions extends VendorClientOptions {
  apiKey: string
}

export function createAnthropicClient(options: AnthropicClientOptions): HttpClient {
  return createHttpClient({
    vendor: 'anthropic',
    baseUrl: options.baseUrl,
    headers: () => ({ 'x-api-key': options.apiKey, 'anthropic-version': ANTHROPIC_VERSION }),
    arrayStyle: 'brackets',
    authHint:
      'check ANTHROPIC_ADMIN_API_KEY (an Admin key, sk-ant-admin01-…, from Console → Settings → Admin keys)',
    rateLimit: createRateLimiter({
      requestsPerMinute: options.requestsPerMinute,
      clock: options.clock,
    }),
    clock: options.clock,
    logger: options.logger,
    fetch: options.fetch,
  })
}
