import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../core/logger.js'
import { createRateLimiter } from '../../http/rate-limit.js'
import { createFakeClock } from '../../http/test-support.js'
import { createGithubClient, DOWNLOAD_ENDPOINT, sharedBudget } from './client.js'

describe('createGithubClient', () => {
  it('sends the Bearer token, the API version and the GitHub media type', async () => {
    const seen: Headers[] = []
    const fetch: typeof globalThis.fetch = (_url, init) => {
      seen.push(new Headers(init?.headers))
      return Promise.resolve(Response.json({ ok: true }))
    }
    const http = createGithubClient({
      token: 'ghp_' + 'exampleTokenForHeaderTest0000000000',
      apiUrl: 'https://api.github.test',
      apiVersion: '2026-03-10',
      requestsPerHour: 5000,
      clock: createFakeClock(),
      logger: silentLogger,
      fetch,
    })
    await http.request({ path: '/orgs/acme/copilot/billing/seats' })
    expect(seen[0]?.get('authorization')).toBe(
      'Bearer ghp_' + 'exampleTokenForHeaderTest0000000000',
    )
    expect(seen[0]?.get('x-github-api-version')).toBe('2026-03-10')
    expect(seen[0]?.get('accept')).toBe('application/vnd.github+json')
  })
})

describe('sharedBudget', () => {
  it('paces every API endpoint from one hourly budget, and never the downloads', async () => {
    const clock = createFakeClock()
    const budget = sharedBudget(createRateLimiter({ requestsPerMinute: 2, clock }))
    await budget.acquire('/orgs/a/copilot/billing/seats')
    await budget.acquire('/organizations/a/settings/billing/premium_request/usage')
    for (let i = 0; i < 5; i++) expect(await budget.acquire(DOWNLOAD_ENDPOINT)).toBe(0)
    // A third API call waits, whichever endpoint it is: GitHub counts per token.
    expect(await budget.acquire('/orgs/a/copilot/metrics/reports/users-1-day')).toBe(60_000)
  })

  it('applies a server-requested pause to all endpoints', async () => {
    const clock = createFakeClock()
    const budget = sharedBudget(createRateLimiter({ requestsPerMinute: 100, clock }))
    budget.pause('/orgs/a/copilot/billing/seats', 5_000)
    expect(await budget.acquire('/organizations/a/settings/billing/premium_request/usage')).toBe(
      5_000,
    )
  })
})
