// OpenAI in the identity, spend and adoption views: the simulator over real HTTP, the real
// pipeline and DuckDB, and an identity map naming the service-account keys (by key name) for a
// team. Costs grouped by API key are attributed to the key as they are; the project-level lines
// with no key (vector storage, code interpreter) are split exactly among the project's keys by
// their requests. Every day sums back to cost_daily and the simulator's truth, and each key's
// money reaches the person the simulator says owns it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { dollars, type Money } from '../../src/core/money.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createOpenaiHarness, type OpenaiHarness } from './openai-harness.js'
import {
  addTo,
  adoption,
  importIdentityMap,
  lines,
  remainders,
  spendAgainstCost,
  spendByDayAndPerson,
} from './views-vendors-checks.js'

const tmp = createTmpDirs()
let h: OpenaiHarness
const FROM = '2026-03-05'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z; 10 days
const DAYS = daysIn({ from: FROM, to: TO })
const SERVICE_TEAM = 'platform-team@northwind.example'

beforeAll(async () => {
  const dir = tmp.make()
  h = await createOpenaiHarness(dir)
  const report = await h.run({ initialDays: DAYS.length })
  expect(report.status).toBe('succeeded')
  const serviceKeys = h.sim.truth.org.apiKeys.filter((k) => k.owner.type === 'service_account')
  const names = [...new Set(serviceKeys.map((k) => k.name))]
  const map = names.map((name) => ({ identity: name, provider: 'openai', email: SERVICE_TEAM }))
  await importIdentityMap(
    h,
    dir,
    map.map((m) => ({ ...m, team: 'platform' })),
  )
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

/** Who the simulator says owns each key: the user's email, or the map's team address. */
function owners(): Map<string, string> {
  const emails = new Map(h.sim.truth.org.users.map((u) => [u.id, u.email]))
  return new Map(
    h.sim.truth.org.apiKeys.map((k) => [
      k.id,
      k.owner.type === 'user' ? emails.get(k.owner.userId)! : SERVICE_TEAM,
    ]),
  )
}

describe('OpenAI feeds the spend views', () => {
  it('attributes every dollar of cost_daily per day (direct + allocated), nothing left over', async () => {
    const { cost, spend } = await spendAgainstCost(h.warehouse, 'openai')
    const truth = h.sim.truth.costByDay(FROM, TO)
    expect(cost).toEqual(lines(new Map([...truth].map(([d, m]) => [`${d} vendor_reported`, m]))))
    expect(spend).toEqual(cost)
    expect(lines(await remainders(h.warehouse, 'openai'))).toEqual([])
  })

  it("keeps each project's spend whole: its keys' costs plus its split keyless lines", async () => {
    const rows = await h.warehouse.query<{ k: string; v: string }>(
      `SELECT CAST(usage_date AS VARCHAR) || ' ' || account_id AS k, CAST(SUM(cost_usd) AS VARCHAR) AS v
       FROM attributed_cost_daily WHERE provider = 'openai' GROUP BY 1`,
    )
    const truth = new Map<string, Money>()
    for (const [day, projects] of h.sim.truth.costByDayAndProject(FROM, TO))
      for (const [project, m] of projects) addTo(truth, `${day} ${project}`, m)
    expect(lines(new Map(rows.map((r) => [r.k, dollars(r.v)])))).toEqual(lines(truth))
  })

  it('splits keyless lines only among keys of the same project, by requests', async () => {
    const rows = await h.warehouse.query<{ project: string; key: string; method: string }>(
      `SELECT DISTINCT account_id AS project, identity AS key, method FROM allocated_cost_daily
       WHERE provider = 'openai' AND identity_type = 'api_key'`,
    )
    const projectOf = new Map(h.sim.truth.org.apiKeys.map((k) => [k.id, k.projectId]))
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.filter((r) => projectOf.get(r.key) !== r.project)).toEqual([])
    expect(new Set(rows.map((r) => r.method))).toContain('request_share')
  })

  it("gives each key's money to its owner, service keys to the team the map names", async () => {
    const byKey = await h.warehouse.query<{ d: string; t: string; id: string; v: string }>(
      `SELECT CAST(usage_date AS VARCHAR) AS d, identity_type AS t, identity AS id,
              CAST(SUM(cost_usd) AS VARCHAR) AS v
       FROM attributed_cost_daily WHERE provider = 'openai' GROUP BY 1, 2, 3`,
    )
    const owner = owners()
    const expected = new Map<string, Money>()
    for (const r of byKey) {
      const person = r.t === 'api_key' ? (owner.get(r.id) ?? 'Unmapped') : 'Unmapped'
      addTo(expected, `${r.d} ${person}`, dollars(r.v))
    }
    const spend = await spendByDayAndPerson(h.warehouse, 'openai')
    expect(lines(spend)).toEqual(lines(expected))
    expect([...spend.keys()].filter((k) => k.endsWith(SERVICE_TEAM)).length).toBeGreaterThan(5)
  })
})

describe('OpenAI feeds adoption', () => {
  it('counts the people behind keys with requests each day (no seats)', async () => {
    const got = (await adoption(h.warehouse, 'openai_api')).filter((r) => r.day <= TO)
    expect(got.map((r) => r.day)).toEqual(DAYS)
    expect(got.every((r) => r.seats === 0 && r.dau > 0 && r.unmapped === 0)).toBe(true)
  })
})
