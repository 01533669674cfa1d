import { afterEach, describe, expect, it } from 'vitest'
import { startTestSim, type ReportLinks, type TestSim } from './test-support.js'

const MINUTE = 60_000
const orgReport = (t: TestSim, kind: string, day: string) =>
  t.getJson<ReportLinks>(`/orgs/${t.sim.org}/copilot/metrics/reports/${kind}?day=${day}`)

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

describe('GitHub simulator: signed links, the metrics policy, late data', () => {
  it('expires a link after linkTtlMs with a 403 XML error; a re-requested report links again', async () => {
    t = await startTestSim()
    const [link] = (await orgReport(t, 'organization-1-day', '2026-03-11')).download_links
    t.clock.advance(4 * MINUTE)
    expect((await t.get(link!, {})).status).toBe(200)
    t.clock.advance(MINUTE + 1_000)
    const expired = await t.get(link!, {})
    expect(expired.status).toBe(403)
    expect(expired.headers.get('content-type')).toBe('application/xml')
    expect(await expired.text()).toMatch(/<Code>AuthenticationFailed<\/Code>.*Signed expiry time/)
    const [fresh] = (await orgReport(t, 'organization-1-day', '2026-03-11')).download_links
    expect(fresh).not.toBe(link)
    expect((await t.get(fresh!, {})).status).toBe(200)
  })

  it('honours a custom link lifetime', async () => {
    t = await startTestSim({ linkTtlMs: 30_000 })
    const [link] = (await orgReport(t, 'users-1-day', '2026-03-11')).download_links
    t.clock.advance(31_000)
    expect((await t.get(link!, {})).status).toBe(403)
  })

  it('rejects a tampered path or signature with 403 and needs no Authorization header', async () => {
    t = await startTestSim()
    const [link] = (await orgReport(t, 'users-1-day', '2026-03-11')).download_links
    const url = new URL(link!)
    const otherDay = new URL(url.toString().replace('2026-03-11', '2026-03-10'))
    expect((await t.get(otherDay.toString(), {})).status).toBe(403)
    url.searchParams.set('sig', '0'.repeat(64))
    const forged = await t.get(url.toString(), {})
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('Signature did not match')
    expect((await t.get(`${t.sim.url}/_storage/copilot-reports/nothing`, {})).status).toBe(403)
  })

  it('answers 403 on every report endpoint while the metrics policy is off, seats still work', async () => {
    t = await startTestSim({ metricsPolicyEnabled: false })
    const org = await t.get(
      `/orgs/${t.sim.org}/copilot/metrics/reports/organization-1-day?day=2026-03-11`,
    )
    expect(org.status).toBe(403)
    expect(await org.json()).toMatchObject({
      message: 'Copilot Usage Metrics API access is disabled for this organization.',
      status: '403',
    })
    const ent = await t.get(
      `/enterprises/${t.sim.enterprise}/copilot/metrics/reports/users-28-day/latest`,
    )
    expect(ent.status).toBe(403)
    expect(((await ent.json()) as { message: string }).message).toContain('this enterprise')
    expect((await t.get(`/orgs/${t.sim.org}/copilot/billing/seats`)).status).toBe(200)
    t.sim.setMetricsPolicyEnabled(true)
    expect(
      (await t.get(`/orgs/${t.sim.org}/copilot/metrics/reports/users-1-day?day=2026-03-11`)).status,
    ).toBe(200)
  })

  it('answers 404 for the closed legacy metrics and usage endpoints', async () => {
    t = await startTestSim()
    for (const path of [
      `/orgs/${t.sim.org}/copilot/metrics?since=2026-03-01T00:00:00Z`,
      `/enterprises/${t.sim.enterprise}/copilot/metrics`,
      `/orgs/${t.sim.org}/team/platform/copilot/metrics`,
      `/orgs/${t.sim.org}/copilot/usage`,
    ]) {
      const res = await t.get(path)
      expect(res.status, path).toBe(404)
      expect(await res.json()).toMatchObject({ message: 'Not Found' })
    }
  })

  it("grows yesterday's report until D+2 days; truth follows the clock; final days never change", async () => {
    t = await startTestSim()
    const read = async (day: string) => {
      const [link] = (await orgReport(t!, 'organization-1-day', day)).download_links
      return (await (await t!.get(link!, {})).json()) as Record<string, number>
    }
    const first = await read('2026-03-14')
    const settledBefore = await read('2026-03-13')
    t.clock.advance(12 * 60 * MINUTE)
    const second = await read('2026-03-14')
    expect(second.code_generation_activity_count).toBeGreaterThan(
      first.code_generation_activity_count!,
    )
    expect(second.daily_active_users).toBe(first.daily_active_users)
    expect(second).toEqual(t.sim.truth.orgReport('2026-03-14'))
    expect(await read('2026-03-13')).toEqual(settledBefore)
  })

  it('serves the snapshot the report endpoint described even when the clock moved since', async () => {
    // Thursday evening: Wednesday's report is 97.5% complete and still growing.
    t = await startTestSim({ at: '2026-03-12T18:00:00Z', linkTtlMs: 6 * 60 * MINUTE })
    const atIssue = t.sim.truth.userReport('2026-03-11')
    const report = await orgReport(t, 'users-1-day', '2026-03-11')
    t.clock.advance(5 * 60 * MINUTE)
    expect(t.sim.truth.userReport('2026-03-11')).not.toEqual(atIssue)
    const lines: unknown[] = []
    for (const link of report.download_links) {
      const text = await (await t.get(link, {})).text()
      lines.push(
        ...text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as unknown),
      )
    }
    expect(lines).toEqual(atIssue)
  })
})
