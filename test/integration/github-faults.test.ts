// GitHub Copilot under faults: expired and truncated report downloads, the metrics policy
// switched off, and primary/secondary rate limits — real HTTP, real pipeline, real DuckDB.
import { afterEach, describe, expect, it } from 'vitest'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  createGithubHarness,
  githubOutcomes,
  premiumByDay,
  reportRequests,
  type GithubHarness,
} from './github-harness.js'

const tmp = createTmpDirs()
let h: GithubHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const DAY = '2026-03-10'
const ONE_DAY = { from: DAY, to: DAY }
const urlOf = (input: string | URL | Request) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
const text = (m: Map<string, Money>) =>
  [...m]
    .filter(([, v]) => v !== 0n)
    .map(([k, v]) => `${k} ${toDecimalString(v)}`)
    .sort()

describe('GitHub Copilot report downloads', () => {
  it('re-requests the report when its link expired before the download', async () => {
    let expired = false
    h = await createGithubHarness(tmp.make(), {
      sim: { linkTtlMs: 1_000 },
      // The clock passes the link's lifetime between the report answer and the download.
      wrapFetch: (next, harness) => async (input, init) => {
        const res = await next(input, init)
        if (!expired && urlOf(input).includes('/reports/users-1-day')) {
          expired = true
          harness.clock.advance(5_000)
        }
        return res
      },
    })
    const report = await h.run({ only: ['github.user_metrics'], ...ONE_DAY })
    expect(report.status).toBe('succeeded')
    expect(reportRequests(h.sim, 'users-1-day')).toHaveLength(2)
    const downloads = h.sim.requests.filter((r) => r.path.startsWith('/_storage/'))
    expect(downloads[0]?.status).toBe(403)
    expect(downloads.slice(1).every((r) => r.status === 200)).toBe(true)
    expect(h.logger.entries.some((e) => e.event === 'report.links_stale')).toBe(true)
    const [row] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) AS n FROM github_copilot_user_daily`,
    )
    expect(row!.n).toBe(h.sim.truth.userReport(DAY).length)
    expect(report.resources[0]!.retries).toBeGreaterThan(0)
  })

  it('re-requests the report when a download arrives truncated', async () => {
    h = await createGithubHarness(tmp.make())
    h.sim.faults.truncateNext(1, { path: '/_storage/' })
    const report = await h.run({ only: ['github.user_metrics'], ...ONE_DAY })
    expect(report.status).toBe('succeeded')
    expect(reportRequests(h.sim, 'users-1-day')).toHaveLength(2)
    const [row] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) AS n FROM github_copilot_user_daily`,
    )
    expect(row!.n).toBe(h.sim.truth.userReport(DAY).length)
  })

  it('gives up with a clear error when links keep expiring', async () => {
    h = await createGithubHarness(tmp.make(), {
      sim: { linkTtlMs: 1_000 },
      wrapFetch: (next, harness) => async (input, init) => {
        const res = await next(input, init)
        if (urlOf(input).includes('/reports/organization-1-day')) harness.clock.advance(5_000)
        return res
      },
    })
    const report = await h.run({ only: ['github.usage_metrics'], ...ONE_DAY })
    const outcome = report.resources[0]!
    expect(outcome.status).toBe('failed')
    expect(outcome.error?.message).toMatch(/download links were unusable 3 times in a row/)
    expect(outcome.error?.message).not.toMatch(/sig=|exp=/)
  })
})

describe('GitHub Copilot with the metrics policy disabled', () => {
  it('fails only the report resources, with how to enable the policy and the token scope', async () => {
    h = await createGithubHarness(tmp.make(), { sim: { metricsPolicyEnabled: false } })
    const report = await h.run()
    const status = Object.fromEntries(githubOutcomes(report).map((r) => [r.resource, r.status]))
    expect(status).toEqual({
      seats: 'succeeded',
      usage_metrics: 'failed',
      user_metrics: 'failed',
      premium_requests: 'succeeded',
    })
    for (const name of ['usage_metrics', 'user_metrics']) {
      const message = report.resources.find((r) => r.resource === name)!.error!.message
      expect(message).toMatch(/Copilot usage metrics API is disabled for organization/)
      expect(message).toMatch(/"Copilot usage metrics" policy to "Enabled everywhere"/)
      expect(message).toMatch(/Organization Copilot metrics: read/)
      expect(message).toMatch(/read:org/)
      expect(message).not.toContain(h.sim.apiKey)
    }
    // Premium spend is still exact; attribution falls back to the seat holders.
    const from = report.resources.find((r) => r.resource === 'premium_requests')!.window!.from
    const truth = h.sim.truth.premiumCostByDay(from, '2026-03-14')
    expect(text(await premiumByDay(h.warehouse))).toEqual(text(truth))
    const [sums] = await h.warehouse.query<{ users: string; total: string }>(
      `SELECT CAST((SELECT sum(net_amount_usd) FROM github_copilot_premium_user_usage) AS VARCHAR) AS users,
              CAST((SELECT sum(net_amount_usd) FROM github_copilot_premium_usage) AS VARCHAR) AS total`,
    )
    expect(sums!.users).toBe(sums!.total)
    expect(h.logger.entries.some((e) => e.event === 'premium.attribution_by_seats')).toBe(true)
  })
})

describe('GitHub rate limits', () => {
  it('waits out a secondary limit (retry-after) and an exhausted hourly budget (reset)', async () => {
    h = await createGithubHarness(tmp.make())
    h.sim.faults.failNext(1, { status: 403, retryAfterSeconds: 7, path: '/copilot/billing/seats' })
    h.sim.faults.failNext(1, {
      status: 429,
      primary: true,
      retryAfterSeconds: 42,
      path: '/premium_request/usage',
    })
    const report = await h.run({ only: ['github.seats', 'github.premium_requests'], ...ONE_DAY })
    expect(report.status).toBe('succeeded')
    expect(h.clock.sleeps).toContain(7_000)
    expect(h.clock.sleeps.some((ms) => ms >= 41_000 && ms <= 43_000)).toBe(true)
    expect(githubOutcomes(report).map((r) => r.retries)).toEqual([1, 1])
  })
})
