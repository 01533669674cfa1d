// GitHub Copilot end to end: real HTTP to the simulator, the real pipeline, real DuckDB.
import { afterEach, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  createGithubHarness,
  fingerprint,
  premiumByDay,
  premiumByDayAndUser,
  githubOutcomes,
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

const FROM = '2026-03-05'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z; initialDays 10
const DAYS = daysIn({ from: FROM, to: TO })
const TABLES = [
  'github_copilot_org_daily',
  'github_copilot_org_breakdown',
  'github_copilot_user_daily',
  'github_copilot_user_models',
  'github_copilot_premium_usage',
  'github_copilot_premium_user_usage',
]

const text = (m: Map<string, Money>) =>
  [...m]
    .filter(([, v]) => v !== 0n)
    .map(([k, v]) => `${k} ${toDecimalString(v)}`)
    .sort()

describe('GitHub Copilot pipeline into DuckDB', () => {
  it("lands every day's reports once, equal to the simulator's documents", async () => {
    h = await createGithubHarness(tmp.make())
    const report = await h.run()
    expect(githubOutcomes(report).map((r) => [r.resource, r.status])).toEqual([
      ['seats', 'succeeded'],
      ['usage_metrics', 'succeeded'],
      ['user_metrics', 'succeeded'],
      ['premium_requests', 'succeeded'],
    ])
    const org = await h.warehouse.query<{ d: string; dau: number; gen: number; loc: number }>(
      `SELECT CAST(usage_date AS VARCHAR) AS d, daily_active_users AS dau,
              code_generation_activity_count AS gen, loc_added_sum AS loc
       FROM github_copilot_org_daily ORDER BY 1`,
    )
    const truth = DAYS.map((d) => h!.sim.truth.orgReport(d) as Record<string, number>)
    expect(org).toEqual(
      DAYS.map((d, i) => ({
        d,
        dau: truth[i]!.daily_active_users,
        gen: truth[i]!.code_generation_activity_count,
        loc: truth[i]!.loc_added_sum,
      })),
    )
    const users = await h.warehouse.query<{ d: string; logins: string }>(
      `SELECT CAST(usage_date AS VARCHAR) AS d, string_agg(user_login, ',' ORDER BY user_login) AS logins
       FROM github_copilot_user_daily GROUP BY 1 ORDER BY 1`,
    )
    const active = h.sim.truth.activeUsersByDay(FROM, TO)
    expect(users).toEqual(DAYS.map((d) => ({ d, logins: [...active.get(d)!].sort().join(',') })))
    expect(reportRequests(h.sim, 'organization-1-day')).toHaveLength(DAYS.length)
  })

  it('keeps the totals_by_* breakdowns: per IDE, feature, language and model', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run({ only: ['github.usage_metrics'] })
    const rows = await h.warehouse.query<{ breakdown: string; n: number; gen: string }>(
      `SELECT breakdown, count(*) AS n, CAST(sum(code_generation_activity_count) AS VARCHAR) AS gen
       FROM github_copilot_org_breakdown WHERE usage_date = DATE '2026-03-10' GROUP BY 1 ORDER BY 1`,
    )
    const doc = h.sim.truth.orgReport('2026-03-10') as Record<string, unknown>
    const total = String(doc.code_generation_activity_count)
    expect(rows.map((r) => r.breakdown)).toEqual([
      'feature',
      'ide',
      'language_feature',
      'language_model',
      'model_feature',
    ])
    // Every breakdown partitions the same activity, so each sums to the day's total.
    expect(rows.every((r) => r.gen === total)).toBe(true)
    const ide = (doc.totals_by_ide as unknown[]).length
    expect(rows.find((r) => r.breakdown === 'ide')?.n).toBe(ide)
  })

  it('re-running the same window changes nothing', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run()
    const before = await Promise.all(TABLES.map((t) => fingerprint(h!.warehouse, t)))
    const again = await h.run({ from: FROM, to: TO })
    expect(again.status).toBe('succeeded')
    expect(await Promise.all(TABLES.map((t) => fingerprint(h!.warehouse, t)))).toEqual(before)
    expect(before.every((f) => f.rows > 0)).toBe(true)
  })

  it('premium-request spend equals the truth to the cent per day and per user', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run()
    const byDay = h.sim.truth.premiumCostByDay(FROM, TO)
    expect([...byDay.values()].some((v) => v > 0n)).toBe(true)
    expect(text(await premiumByDay(h.warehouse))).toEqual(text(byDay))
    const byUser = new Map<string, Money>()
    for (const [day, users] of h.sim.truth.premiumCostByDayAndUser(FROM, TO))
      for (const [login, v] of users) byUser.set(`${day} ${login}`, v)
    expect(text(await premiumByDayAndUser(h.warehouse))).toEqual(text(byUser))
    const [unattributed] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) AS n FROM github_copilot_premium_user_usage WHERE user_login = '(unattributed)'`,
    )
    expect(unattributed!.n).toBe(0)
  })

  it('asks for per-user premium usage only for users who prompted that day', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run({ only: ['github.premium_requests'], from: '2026-03-10', to: '2026-03-10' })
    const asked = h.sim.requests.filter((r) => r.path.includes('premium_request') && r.query.user)
    const active = h.sim.truth.activeUsersByDay('2026-03-10', '2026-03-10').get('2026-03-10')!
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.length).toBeLessThanOrEqual(active.length)
    expect(asked.every((r) => active.includes(r.query.user!))).toBe(true)
  })

  it('usage_daily has Copilot rows per GitHub login per day', async () => {
    h = await createGithubHarness(tmp.make())
    await h.run({ only: ['github.user_metrics'] })
    const rows = await h.warehouse.query<{ d: string; n: number; req: number; types: string }>(
      `SELECT CAST(usage_date AS VARCHAR) AS d, count(DISTINCT subject) AS n,
              CAST(sum(requests) AS BIGINT) AS req, string_agg(DISTINCT subject_type, ',') AS types
       FROM usage_daily WHERE provider = 'github' AND service = 'copilot' GROUP BY 1 ORDER BY 1`,
    )
    const active = h.sim.truth.activeUsersByDay(FROM, TO)
    expect(rows.map((r) => [r.d, r.n])).toEqual(DAYS.map((d) => [d, active.get(d)!.length]))
    expect(rows.every((r) => r.types === 'github_login' && r.req > 0)).toBe(true)
  })

  it('reads an enterprise scope from the enterprise report endpoints', async () => {
    h = await createGithubHarness(tmp.make(), { scope: 'enterprise' })
    const report = await h.run({ only: ['github.usage_metrics', 'github.user_metrics'] })
    expect(report.status).toBe('succeeded')
    const [row] = await h.warehouse.query<{ owner: string; kind: string; n: number }>(
      `SELECT any_value(owner) AS owner, any_value(scope_type) AS kind, count(*) AS n FROM github_copilot_org_daily`,
    )
    expect(row).toEqual({ owner: h.sim.enterprise, kind: 'enterprise', n: DAYS.length })
    expect(reportRequests(h.sim, 'enterprise-1-day')).toHaveLength(DAYS.length)
  })
})
