// OpenAI end to end: real HTTP to the simulator, the real pipeline, real DuckDB. One 45-day
// run is shared by the read-only checks below; the re-run check comes last and must change
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import type { RunReport } from '../../src/pipeline/report.js'
import { USAGE_KINDS } from '../../src/simulators/openai/index.js'
import { createTmpDirs } from '../helpers/tmp.js'
import {
  createOpenaiHarness,
  fingerprint,
  openaiCostByDay,
  openaiCostByDayAndProject,
  type OpenaiHarness,
} from './openai-harness.js'

const FROM = '2026-01-29'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z
const DAYS = daysIn({ from: FROM, to: TO })

const tmp = createTmpDirs()
let h: OpenaiHarness
let report: RunReport

beforeAll(async () => {
  h = await createOpenaiHarness(tmp.make())
  report = await h.run()
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

const text = (m: Money | undefined) => toDecimalString(m ?? (0n as Money))

/** "day project amount" lines of non-zero spend, sorted: comparable across both sides. */
function projectLines(byDay: Map<string, Map<string, Money>>): string[] {
  return [...byDay]
    .flatMap(([day, projects]) => [...projects].map(([p, m]) => [day, p, m] as const))
    .filter(([, , m]) => m !== 0n)
    .map(([day, p, m]) => `${day} ${p} ${toDecimalString(m)}`)
    .sort()
}

describe('OpenAI pipeline into DuckDB', () => {
  it('loads every resource', () => {
    expect(report.status).toBe('succeeded')
    const openai = report.resources.filter((r) => r.vendor === 'openai')
    expect(openai.map((r) => r.resource).sort()).toEqual(
      ['api_keys', 'costs', 'projects', 'users', ...USAGE_KINDS.map((k) => `usage_${k}`)].sort(),
    )
  })

  it('spend in cost_daily equals the simulator truth exactly, every day', async () => {
    const loaded = await openaiCostByDay(h.warehouse)
    const truth = h.sim.truth.costByDay(FROM, TO)
    expect(DAYS.map((d) => `${d} ${text(loaded.get(d))}`)).toEqual(
      DAYS.map((d) => `${d} ${text(truth.get(d))}`),
    )
    expect([...truth.values()].filter((m) => m > 0n).length).toBeGreaterThan(40)
  })

  it('spend equals the truth per day and per project, named from the projects list', async () => {
    const loaded = await openaiCostByDayAndProject(h.warehouse)
    const truth = h.sim.truth.costByDayAndProject(FROM, TO)
    expect(projectLines(loaded)).toEqual(projectLines(truth))
    const names = await h.warehouse.query<{ account_name: string }>(
      `SELECT DISTINCT account_name FROM cost_daily WHERE provider = 'openai'`,
    )
    const projectNames = h.sim.truth.org.projects.map((p) => p.name)
    expect(names.every((n) => projectNames.includes(n.account_name))).toBe(true)
  })

  it('costs are read in 31-day loads of 7-bucket pages, grouped by project, line item and key', () => {
    const costs = h.sim.requests.filter((r) => r.path === '/v1/organization/costs')
    // 45 days = a 31-day chunk (5 pages) + a 14-day chunk (2 pages).
    expect(costs).toHaveLength(7)
    expect(costs.every((r) => r.status === 200)).toBe(true)
    expect(costs.filter((r) => r.query.page).length).toBe(5)
    expect(costs[0]!.query.group_by).toEqual(['project_id', 'line_item', 'api_key_id'])
  })

  it('token totals in usage_daily equal the truth per model (input = uncached + cached)', async () => {
    const rows = await h.warehouse.query<{
      model: string
      input: bigint
      cached: bigint
      output: bigint
      requests: bigint
    }>(
      `SELECT model, sum(input_tokens) AS input, sum(cache_read_tokens) AS cached,
              sum(output_tokens) AS output, sum(requests) AS requests
       FROM usage_daily WHERE provider = 'openai' AND service = 'completions' GROUP BY model`,
    )
    const truth = h.sim.truth.tokensByModel(FROM, TO)
    const loaded = rows
      .map((r) => {
        const [input, cached] = [Number(r.input), Number(r.cached)]
        return [
          r.model,
          { input: input + cached, output: Number(r.output), cached, requests: Number(r.requests) },
        ] as const
      })
      .sort(([a], [b]) => a.localeCompare(b))
    expect(new Map(loaded)).toEqual(truth)
    expect(truth.size).toBeGreaterThan(2)
  })

  it('every usage endpoint lands in its own table with every metric equal to the truth', async () => {
    for (const kind of USAGE_KINDS) {
      const truth = h.sim.truth.usageTotals(kind, FROM, TO)
      const sums = Object.keys(truth).map((m) => `CAST(sum(${m}) AS BIGINT) AS ${m}`)
      const [row] = await h.warehouse.query<Record<string, bigint | null>>(
        `SELECT ${sums.join(', ')} FROM openai_usage_${kind}`,
      )
      const loaded = Object.fromEntries(Object.keys(truth).map((m) => [m, Number(row![m] ?? 0)]))
      expect({ kind, ...loaded }).toEqual({ kind, ...truth })
      expect(h.sim.truth.usageCount(kind, FROM, TO)).toBeGreaterThan(0)
    }
  })

  it('usage_daily gives each completions row exactly one subject, so nothing is counted twice', async () => {
    const [row] = await h.warehouse.query<{ types: string; requests: bigint; table: bigint }>(
      `SELECT string_agg(DISTINCT subject_type, ',') AS types, sum(requests) AS requests,
              (SELECT sum(num_model_requests) FROM openai_usage_completions) AS "table"
       FROM usage_daily WHERE provider = 'openai' AND service = 'completions'`,
    )
    expect(row!.types).toBe('api_key')
    expect(Number(row!.requests)).toBe(Number(row!.table))
    expect(Number(row!.requests)).toBe(h.sim.truth.usageCount('completions', FROM, TO))
  })

  it('re-running the same window changes nothing', async () => {
    const tables = [
      'openai_costs',
      'openai_projects',
      'openai_users',
      'openai_api_keys',
      ...USAGE_KINDS.map((k) => `openai_usage_${k}`),
    ]
    const before = await Promise.all(tables.map((t) => fingerprint(h.warehouse, t)))
    const again = await h.run({ from: FROM, to: TO })
    expect(again.status).toBe('succeeded')
    expect(await Promise.all(tables.map((t) => fingerprint(h.warehouse, t)))).toEqual(before)
    expect(before.every((f) => f.rows > 0)).toBe(true)
  })
})
