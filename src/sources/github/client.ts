// The GitHub REST client: Bearer token, `X-GitHub-Api-Version`, repeated array params, and
// pacing. GitHub's primary limit is one hourly budget per token shared by every endpoint, so
// all API calls share ONE pacing bucket (the shared limiter is per endpoint); report downloads
// go to blob storage, which is not rate limited, and skip pacing. Retries of 403/429 with
// `retry-after` or `x-ratelimit-reset` are the shared policy's (src/http/retry.ts).

import type { Clock } from '../../core/clock.js'
import type { Logger } from '../../core/logger.js'
import { bearerAuth } from '../../http/auth.js'
import { createHttpClient } from '../../http/client.js'
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js'
import type { RetryPolicy } from '../../http/retry.js'
import type { HttpClient } from '../../http/types.js'

/** The `endpoint` (log name and pacing bucket) of every signed report download. */
export const DOWNLOAD_ENDPOINT = 'copilot-report-download'

export interface GithubClientOptions {
  token: string
  apiUrl: string
  apiVersion: string
  requestsPerHour: number
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
  retry?: RetryPolicy
}

export function createGithubClient(options: GithubClientOptions): HttpClient {
  return createHttpClient({
    vendor: 'github',
    baseUrl: options.apiUrl,
    headers: () => ({
      authorization: bearerAuth(options.token),
      accept: 'application/vnd.github+json',
      'x-github-api-version': options.apiVersion,
    }),
    arrayStyle: 'repeat',
    authHint:
      'check GITHUB_TOKEN (an org/enterprise owner token; fine-grained or classic scopes are listed in the README, GitHub Copilot section)',
    rateLimit: sharedBudget(
      createRateLimiter({
        requestsPerMinute: Math.max(1, Math.floor(options.requestsPerHour / 60)),
        clock: options.clock,
      }),
    ),
    retry: options.retry,
    clock: options.clock,
    logger: options.logger,
    fetch: options.fetch,
  })
}

/**
 * One bucket for every API endpoint (GitHub counts per token, not per path); downloads are free.
 * @example sharedBudget(createRateLimiter({ requestsPerMinute: 75, clock })).acquire('/orgs/x/…')
 */
export function sharedBudget(inner: RateLimiter): RateLimiter {
  const BUCKET = 'github-core'
  return {
    acquire: (endpoint, signal) =>
      endpoint === DOWNLOAD_ENDPOINT ? Promise.resolve(0) : inner.acquire(BUCKET, signal),
    pause: (endpoint, ms) => {
      if (endpoint !== DOWNLOAD_ENDPOINT) inner.pause(BUCKET, ms)
    },
  }
}
