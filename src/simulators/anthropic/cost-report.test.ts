import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, dayStartIso } from '../../core/days.js'
import { cents, sum, ZERO, type Money } from '../../core/money.js'
import { MODELS, startAnthropicSimulator, type AnthropicSimulator } from './index.js'
import {
  createTestClock,
  getJson,
  readAllPages,
  type ErrorBody,
  type ReportPage,
} from './test-helpers.js'

const TODAY = '2026-03-15'
const clock = createTestClock(`${TODAY}T10:00:00Z`)
const COST = '/v1/organizations/cost_report'
const BOTH = ['workspace_id', 'description']
let sim: AnthropicSimulator
let young: AnthropicSimulator

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now })
  young = await startAnthropicSimulator({ now: clock.now, historyDays: 30 })
})
afterAll(async () => {
  await sim.close()
  await young.close()
})

type Row = Record<string, unknown>
const rowsOf = (pages: ReportPage[]) => pages.flatMap((p) => p.data)
const amountOf = (rows: Row[]): Money => sum(rows.map((r) => cents(r.amount as string)))

async function dayTotals(
  groupBy: string[],
  from: string,
  days: number,
): Promise<Map<string, Money>> {
  const pages = await readAllPages(sim, COST, {
    starting_at: from,
    ending_at: addDays(from, days),
    'group_by[]': groupBy,
    limit: 31,
  })
  return new Map(rowsOf(pages).map((b) => [b.starting_at.slice(0, 10), amountOf(b.results)]))
}

describe('cost_report paging', () => {
  it('serves 7 daily buckets per page by default and at most 31', async () => {
    const from = addDays(TODAY, -60)
    const byDefault = await getJson(sim, COST, { starting_at: from, ending_at: TODAY })
    expect(byDefault.body.data).toHaveLength(7)
    expect(byDefault.body.has_more).toBe(true)
    expect(byDefault.body.next_page).toMatch(/^page_/)
    const max = await getJson(sim, COST, { starting_at: from, ending_at: TODAY, limit: 31 })
    expect(max.body.data).toHaveLength(31)
    const tooMany = await getJson<ErrorBody>(sim, COST, {
      starting_at: from,
      ending_at: TODAY,
      limit: 32,
    })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.type).toBe('invalid_request_error')
  })

  it('pages a 90-day grouped read to the end and sums exactly to the truth', async () => {
    const from = addDays(TODAY, -89)
    const pages = await readAllPages(sim, COST, {
      starting_at: from,
      ending_at: addDays(TODAY, 1),
      'group_by[]': BOTH,
      limit: 31,
    })
    const buckets = rowsOf(pages)
    expect(pages.map((p) => p.data.length)).toEqual([31, 31, 28])
    expect(buckets.map((b) => b.starting_at)).toEqual(
      Array.from({ length: 90 }, (_, i) => dayStartIso(addDays(from, i))),
    )
    const total = amountOf(buckets.flatMap((b) => b.results))
    expect(total).toBe(sim.truth.costTotal(from, TODAY))
    expect(total > 0n).toBe(true)
    const truthByDay = sim.truth.costByDay(from, TODAY)
    for (const b of buckets)
      expect(amountOf(b.results)).toBe(truthByDay.get(b.starting_at.slice(0, 10)))
  })

  it('accepts YYYY-MM-DD and RFC 3339 bounds alike', async () => {
    const from = addDays(TODAY, -5)
    const a = await getJson(sim, COST, { starting_at: from, ending_at: TODAY })
    const b = await getJson(sim, COST, {
      starting_at: dayStartIso(from),
      ending_at: dayStartIso(TODAY),
    })
    expect(a.status).toBe(200)
    expect(b.body).toEqual(a.body)
  })
})

describe('cost_report grouping and units', () => {
  it('never changes a day total by grouping', async () => {
    const from = addDays(TODAY, -20)
    const plain = await dayTotals([], from, 14)
    for (const groupBy of [['workspace_id'], ['description'], BOTH]) {
      expect(await dayTotals(groupBy, from, 14)).toEqual(plain)
    }
  })

  it('returns one amount-only row per day when ungrouped', async () => {
    const res = await getJson(sim, COST, { starting_at: addDays(TODAY, -7), ending_at: TODAY })
    for (const bucket of res.body.data) {
      expect(bucket.results).toHaveLength(1)
      const [row] = bucket.results as Row[]
      const nonNull = Object.entries(row!)
        .filter(([, v]) => v !== null)
        .map(([k]) => k)
      expect(nonNull.sort()).toEqual(['amount', 'currency'])
    }
  })

  it('sends amounts as cent strings with at most 5 decimals', async () => {
    const res = await getJson(sim, COST, {
      starting_at: addDays(TODAY, -3),
      ending_at: TODAY,
      'group_by[]': BOTH,
    })
    const rows = res.body.data.flatMap((b) => b.results)
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) {
      expect(row.currency).toBe('USD')
      expect(row.amount).toMatch(/^\d+(\.\d{1,5})?$/)
    }
  })

  it('has Default workspace rows as workspace_id null, matching the truth per workspace', async () => {
    const from = addDays(TODAY, -10)
    const pages = await readAllPages(sim, COST, {
      starting_at: from,
      ending_at: TODAY,
      'group_by[]': ['workspace_id'],
    })
    const rows = rowsOf(pages).flatMap((b) => b.results)
    const defaultRows = rows.filter((r) => r.workspace_id === null)
    expect(defaultRows.length).toBe(10)
    const truth = sim.truth.costByWorkspace(from, addDays(TODAY, -1))
    expect(amountOf(defaultRows)).toBe(truth.get(null))
    const ccId = sim.truth.org.claudeCodeWorkspaceId
    expect(amountOf(rows.filter((r) => r.workspace_id === ccId))).toBe(truth.get(ccId))
  })

  it('fills the description dimensions, null for non-token costs', async () => {
    const res = await getJson(sim, COST, {
      starting_at: addDays(TODAY, -8),
      ending_at: TODAY,
      'group_by[]': ['description'],
      limit: 7,
    })
    const rows = res.body.data.flatMap((b) => b.results)
    const descriptions = new Set(rows.map((r) => r.description as string))
    expect(descriptions).toContain('Claude Sonnet 4.5 Usage - Input Tokens')
    expect(descriptions).toContain('Claude Sonnet 4.5 Usage - Input Tokens, Cache Hit')
    expect(descriptions).toContain('Claude Sonnet 4.5 Usage - Input Tokens, Cache Write')
    expect(descriptions).toContain('Web Search Usage')
    expect(descriptions).toContain('Code Execution Usage')
    for (const row of rows) {
      expect(row.workspace_id).toBeNull()
      if (row.cost_type === 'tokens') {
        expect(row).toMatchObject({
          service_tier: 'standard',
          context_window: '0-200k',
          model: expect.stringMatching(/^claude-/),
        })
        expect(row.token_type).not.toBeNull()
      } else {
        expect(['web_search', 'code_execution']).toContain(row.cost_type)
        expect(row).toMatchObject({
          token_type: null,
          model: null,
          service_tier: null,
          context_window: null,
        })
      }
    }
  })

  it('matches truth.costByModel when rows are summed by model (or cost_type)', async () => {
    const from = addDays(TODAY, -7)
    const res = await getJson(sim, COST, {
      starting_at: from,
      ending_at: TODAY,
      'group_by[]': ['description'],
    })
    const served = new Map<string, Money>()
    for (const row of res.body.data.flatMap((b) => b.results)) {
      const key = (row.model ?? row.cost_type) as string
      served.set(key, sum([served.get(key) ?? ZERO, cents(row.amount as string)]))
    }
    const truth = sim.truth.costByModel(from, addDays(TODAY, -1))
    expect(served).toEqual(truth)
    expect([...truth.keys()]).toEqual(
      expect.arrayContaining(['web_search', 'code_execution', 'claude-opus-4-6']),
    )
  })

  it('bills each token line as usage tokens × list price', async () => {
    const day = addDays(TODAY, -4)
    const tokens = sim.truth.tokensByDay(day, day).get(day)!
    const cost = await getJson(sim, COST, {
      starting_at: day,
      ending_at: addDays(day, 1),
      'group_by[]': ['description'],
    })
    const usage = await getJson(sim, '/v1/organizations/usage_report/messages', {
      starting_at: day,
      ending_at: addDays(day, 1),
      'group_by[]': ['model'],
    })
    const sonnet = MODELS.find((m) => m.id === 'claude-sonnet-4-5-20250929')!
    const usageRow = usage.body.data[0]!.results.find((r) => r.model === sonnet.id)!
    const costRow = cost.body.data[0]!.results.find(
      (r) => r.model === sonnet.id && r.token_type === 'output_tokens',
    )!
    const expected = BigInt(usageRow.output_tokens as number) * sonnet.price.output_tokens
    // Lines are rounded to 1e-5 cent (100 nano-dollars) per workspace line; at most 4 workspaces.
    const diff = cents(costRow.amount as string) - expected
    expect(diff >= -200n && diff <= 200n).toBe(true)
    expect(tokens.output).toBeGreaterThan(usageRow.output_tokens as number)
  })
})

describe('cost_report empty days and validation', () => {
  it('serves days before the history and after now as empty buckets', async () => {
    const from = addDays(TODAY, -40)
    const pages = await readAllPages(young, COST, {
      starting_at: from,
      ending_at: addDays(TODAY, 3),
      limit: 31,
    })
    const buckets = rowsOf(pages)
    expect(buckets).toHaveLength(43)
    expect(buckets.slice(0, 10).every((b) => b.results.length === 0)).toBe(true)
    expect(buckets.slice(10, 40).every((b) => b.results.length === 1)).toBe(true)
    expect(buckets.slice(41).every((b) => b.results.length === 0)).toBe(true)
    expect(young.truth.costByDay(from, addDays(from, 9)).size).toBe(10)
    expect(
      [...young.truth.costByDay(from, addDays(from, 9)).values()].every((m) => m === ZERO),
    ).toBe(true)
  })

  it.each([
    [{ starting_at: TODAY, ending_at: TODAY }, 'ending_at must be after starting_at'],
    [{ ending_at: TODAY }, 'starting_at'],
    [{ starting_at: 'yesterday' }, 'starting_at'],
    [{ starting_at: TODAY, group_by: 'workspace_id' }, 'group_by[]'],
    [{ starting_at: TODAY, 'group_by[]': 'api_key_id' }, 'group_by[]'],
    [{ starting_at: TODAY, bucket_width: '1h' }, 'bucket_width'],
    [{ starting_at: TODAY, page: 'page_bm90LWEtZGF0ZQ==' }, 'page'],
    [{ starting_at: TODAY, page: 'garbage' }, 'page'],
  ])('rejects %o with 400 invalid_request_error', async (params, message) => {
    const res = await getJson<ErrorBody>(sim, COST, { starting_at: undefined, ...params })
    expect(res.status).toBe(400)
    expect(res.body.error.type).toBe('invalid_request_error')
    expect(res.body.error.message).toContain(message)
  })
})
