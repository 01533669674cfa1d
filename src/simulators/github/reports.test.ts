import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../core/days.js'
import { downloadNdjson, startTestSim, type ReportLinks, type TestSim } from './test-support.js'

// Now is Sunday 2026-03-15 12:00Z: yesterday (Sat) is still growing, Wednesday 03-11 is final.
const FINAL_WEEKDAY = '2026-03-11'
const orgReports = (t: TestSim) => `/orgs/${t.sim.org}/copilot/metrics/reports`

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

describe('GitHub simulator: usage metrics reports (two-step fetch)', () => {
  it('serves the org 1-day report as one JSON document behind a signed absolute link', async () => {
    t = await startTestSim()
    const report = await t.getJson<ReportLinks>(
      `${orgReports(t)}/organization-1-day?day=${FINAL_WEEKDAY}`,
    )
    expect(report.report_day).toBe(FINAL_WEEKDAY)
    expect(report.download_links).toHaveLength(1)
    const link = new URL(report.download_links[0]!)
    expect(link.origin).toBe(t.sim.url)
    expect(link.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(link.searchParams.get('exp'))).toBe(Date.parse('2026-03-15T12:05:00Z') / 1000)
    const res = await t.get(link.toString(), {})
    expect(res.headers.get('content-type')).toContain('application/json')
    const doc = (await res.json()) as Record<string, unknown>
    expect(doc).toEqual(t.sim.truth.orgReport(FINAL_WEEKDAY))
    expect(doc.organization_id).toBe(String(t.sim.truth.org.id))
    expect(doc.daily_active_users).toBe(t.sim.truth.userReport(FINAL_WEEKDAY).length)
    expect(doc.daily_active_users).toBeGreaterThan(0)
  })

  it('splits the users report into NDJSON files whose lines, together, equal the truth', async () => {
    t = await startTestSim({ linesPerFile: 3 })
    const truth = t.sim.truth.userReport(FINAL_WEEKDAY)
    const report = await t.getJson<ReportLinks>(`${orgReports(t)}/users-1-day?day=${FINAL_WEEKDAY}`)
    expect(report.download_links).toHaveLength(Math.ceil(truth.length / 3))
    expect(report.download_links.length).toBeGreaterThanOrEqual(2)
    const lines = await downloadNdjson(t, report.download_links)
    expect(lines).toEqual(truth)
    expect(new Set(lines.map((l) => l.user_login)).size).toBe(lines.length)
    const org = t.sim.truth.orgReport(FINAL_WEEKDAY)!
    const sum = (key: string) => lines.reduce((s, l) => s + (l[key] as number), 0)
    expect(sum('loc_added_sum')).toBe(org.loc_added_sum)
    expect(sum('code_acceptance_activity_count')).toBe(org.code_acceptance_activity_count)
    expect(lines.every((l) => typeof l.user_id === 'number' && l.day === FINAL_WEEKDAY)).toBe(true)
    expect(
      lines.every((l) => typeof l.used_chat === 'boolean' && typeof l.used_agent === 'boolean'),
    ).toBe(true)
  })

  it('with default options a busy weekday spans 2+ files and a quiet day one', async () => {
    t = await startTestSim()
    const counts: number[] = []
    for (let day = '2026-03-02'; day <= '2026-03-08'; day = addDays(day, 1)) {
      const links = (await t.getJson<ReportLinks>(`${orgReports(t)}/users-1-day?day=${day}`))
        .download_links
      expect(links).toHaveLength(Math.max(1, Math.ceil(t.sim.truth.userReport(day).length / 8)))
      counts.push(links.length)
    }
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(2)
  })

  it('answers 404 outside [2025-10-10, yesterday] and 422 for a missing or invalid day', async () => {
    t = await startTestSim()
    const status = async (query: string) =>
      (await t!.get(`${orgReports(t!)}/users-1-day${query}`)).status
    expect(await status('?day=2025-10-09')).toBe(404)
    expect(await status('?day=2025-10-10')).toBe(200)
    expect(await status('?day=2026-03-14')).toBe(200)
    expect(await status('?day=2026-03-15')).toBe(404)
    expect(await status('?day=2026-03-16')).toBe(404)
    expect(await status('')).toBe(422)
    expect(await status('?day=2026-02-30')).toBe(422)
    const body = (await (
      await t.get(`${orgReports(t)}/organization-1-day?day=2025-01-01`)
    ).json()) as Record<string, unknown>
    expect(body).toMatchObject({ message: 'Not Found', status: '404' })
  })

  it('keeps one year of reports', async () => {
    t = await startTestSim({ at: '2026-11-27T08:00:00Z' })
    expect((await t.get(`${orgReports(t)}/organization-1-day?day=2025-11-26`)).status).toBe(404)
    expect((await t.get(`${orgReports(t)}/organization-1-day?day=2025-11-27`)).status).toBe(200)
  })

  it('serves the enterprise scope with enterprise_id and the same counters', async () => {
    t = await startTestSim()
    const base = `/enterprises/${t.sim.enterprise}/copilot/metrics/reports`
    const report = await t.getJson<ReportLinks>(`${base}/enterprise-1-day?day=${FINAL_WEEKDAY}`)
    const doc = (await (await t.get(report.download_links[0]!, {})).json()) as Record<
      string,
      unknown
    >
    const org = t.sim.truth.orgReport(FINAL_WEEKDAY)!
    expect(doc.enterprise_id).toBe(String(t.sim.truth.org.enterprise.id))
    expect(doc.organization_id).toBeUndefined()
    expect(doc.loc_added_sum).toBe(org.loc_added_sum)
    const users = await t.getJson<ReportLinks>(`${base}/users-1-day?day=${FINAL_WEEKDAY}`)
    const lines = await downloadNdjson(t, users.download_links)
    expect(lines.map((l) => l.user_login)).toEqual(
      t.sim.truth.userReport(FINAL_WEEKDAY).map((l) => l.user_login),
    )
    expect(
      (
        await t.get(
          `/enterprises/nope/copilot/metrics/reports/enterprise-1-day?day=${FINAL_WEEKDAY}`,
        )
      ).status,
    ).toBe(404)
  })

  it('serves the 28-day latest reports ending yesterday', async () => {
    t = await startTestSim({ linesPerFile: 50 })
    const org = await t.getJson<ReportLinks>(`${orgReports(t)}/organization-28-day/latest`)
    expect(org).toMatchObject({ report_start_day: '2026-02-15', report_end_day: '2026-03-14' })
    const doc = (await (await t.get(org.download_links[0]!, {})).json()) as {
      day_totals: unknown[]
    }
    expect(doc.day_totals).toHaveLength(28)
    expect(doc.day_totals[27]).toEqual(t.sim.truth.orgReport('2026-03-14'))
    const users = await t.getJson<ReportLinks>(`${orgReports(t)}/users-28-day/latest`)
    const lines = await downloadNdjson(t, users.download_links)
    let expected = 0
    for (let d = '2026-02-15'; d <= '2026-03-14'; d = addDays(d, 1))
      expected += t.sim.truth.userReport(d).length
    expect(lines).toHaveLength(expected)
    expect(users.download_links.length).toBe(Math.ceil(expected / 50))
  })

  it('serves user↔team membership lines for a day', async () => {
    t = await startTestSim()
    const report = await t.getJson<ReportLinks>(
      `${orgReports(t)}/user-teams-1-day?day=${FINAL_WEEKDAY}`,
    )
    const lines = await downloadNdjson(t, report.download_links)
    const teamIds = new Set(t.sim.truth.org.teams.map((team) => team.id))
    expect(lines.length).toBeGreaterThanOrEqual(t.sim.truth.userReport(FINAL_WEEKDAY).length)
    expect(lines.every((l) => teamIds.has(l.team_id as number))).toBe(true)
  })

  it('is deterministic: same seed and now give the same bytes, another seed differs', async () => {
    const bytes = async (seed: number) => {
      const sim = await startTestSim({ seed })
      const report = await sim.getJson<ReportLinks>(
        `${orgReports(sim)}/users-1-day?day=${FINAL_WEEKDAY}`,
      )
      const texts = await Promise.all(
        report.download_links.map(async (l) => (await sim.get(l, {})).text()),
      )
      await sim.sim.close()
      return texts.join('')
    }
    const [a, b, c] = [await bytes(7), await bytes(7), await bytes(8)]
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })
})
