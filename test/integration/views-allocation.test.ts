// Allocation and identity resolution on seeded, hand-computable data (views-harness.ts): the
// derived allocation sums back to the vendor totals exactly, people and teams get the numbers
// computed by hand, a map change moves spend only from its valid_from, unmapped identities are
// listed and their spend shows as 'Unmapped', and a re-run writes identical rows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../helpers/tmp.js'
import { createViewsHarness, type ViewsHarness } from './views-harness.js'
import { ADA, BEN, D1, D2, FEB, MAP_CSV, seedScenario } from './views-scenario.js'

const tmp = createTmpDirs()
const sharedTmp = createTmpDirs()
let h: ViewsHarness | undefined
let shared: ViewsHarness | undefined
afterEach(async () => {
  if (h !== shared) await h?.close()
  h = undefined
  tmp.cleanup()
})
afterAll(async () => {
  await shared?.close()
  sharedTmp.cleanup()
})

/** A fresh seeded warehouse, for tests that change the map or the derived table. */
async function seeded(): Promise<ViewsHarness> {
  h = await createViewsHarness(tmp.make())
  await seedScenario(h)
  const report = await h.derive()
  expect(report.status).toBe('succeeded')
  return h
}

/** One seeded warehouse shared by the tests that only read it. */
beforeAll(async () => {
  shared = await createViewsHarness(sharedTmp.make())
  await seedScenario(shared)
  await shared.derive()
})

function readOnly(): ViewsHarness {
  h = shared
  return shared!
}

type Amounts = Record<string, string>

async function byKey(sql: string): Promise<Amounts> {
  const rows = await h!.query<{ k: string; v: string }>(sql)
  return Object.fromEntries(rows.map((r) => [r.k, r.v]))
}

const personDay = (day: string) =>
  byKey(`SELECT person AS k, CAST(SUM(cost_usd) AS VARCHAR) AS v FROM spend_by_person_daily
         WHERE usage_date = DATE '${day}' AND source_basis = 'vendor_reported' GROUP BY person`)

const teamDay = (day: string) =>
  byKey(`SELECT team AS k, CAST(SUM(cost_usd) AS VARCHAR) AS v FROM spend_by_team_daily
         WHERE usage_date = DATE '${day}' AND source_basis = 'vendor_reported' GROUP BY team`)

describe('allocation', () => {
  it('sums back to every vendor cost line exactly, to the nano-dollar', async () => {
    readOnly()
    const diff = await h!.query(`
      SELECT l.usage_date, l.account_id, l.sku, l.cost_usd, a.total
      FROM allocation_lines AS l
      LEFT JOIN (SELECT usage_date, account_id, sku, SUM(cost_usd) AS total
                 FROM allocated_cost_daily GROUP BY usage_date, account_id, sku) AS a
        ON a.usage_date = l.usage_date AND a.account_id = l.account_id
       AND a.sku IS NOT DISTINCT FROM l.sku
      WHERE a.total IS NULL OR a.total <> l.cost_usd`)
    expect(diff).toEqual([])
    const days = await byKey(`SELECT CAST(usage_date AS VARCHAR) AS k,
      CAST(SUM(cost_usd) AS VARCHAR) AS v FROM spend_by_team_daily GROUP BY usage_date`)
    expect(days).toEqual({
      [FEB]: '4.000000000',
      [D1]: '55.000000000',
      [D2]: '7.000000010',
    })
  })

  it('splits by token type, web search by searches and Claude Code by its estimates', async () => {
    readOnly()
    const parts = await byKey(`SELECT identity || ' ' || sku || ' ' || method AS k,
      CAST(cost_usd AS VARCHAR) AS v FROM allocated_cost_daily WHERE usage_date = DATE '${D1}'`)
    expect(parts).toEqual({
      'k_ada uncached_input_tokens token_share': '2.500000000',
      'k_ben uncached_input_tokens token_share': '7.500000000',
      'k_ada output_tokens token_share': '22.500000000',
      'k_ben output_tokens token_share': '7.500000000',
      'k_ada web_search token_share': '1.000000000',
      'k_svc uncached_input_tokens token_share': '5.000000000',
      [`${ADA} output_tokens claude_code_share`]: '6.000000000',
      'ci-bot output_tokens claude_code_share': '3.000000000',
    })
  })

  it('gives the indivisible nano-dollars by largest remainder, never creating one', async () => {
    readOnly()
    const parts = await byKey(`SELECT identity AS k, CAST(cost_usd AS VARCHAR) AS v
      FROM allocated_cost_daily WHERE usage_date = DATE '${D2}' AND sku = 'uncached_input_tokens'`)
    expect(parts).toEqual({ k_ada: '0.000000003', k_ben: '0.000000007' })
  })

  it('re-running the derived step writes identical rows', async () => {
    await seeded()
    const snapshot = () =>
      h!.query(`SELECT usage_date, line_key, cost_usd FROM allocated_cost_daily
                ORDER BY usage_date, line_key`)
    const before = await snapshot()
    const again = await h!.derive()
    expect(again.resources.find((r) => r.resource === 'allocation')).toMatchObject({
      status: 'succeeded',
      note: 'no days to allocate',
    })
    expect(await snapshot()).toEqual(before)
    expect(before.length).toBe(12)
  })

  it('re-allocates a day whose vendor lines changed (self-healing)', async () => {
    await seeded()
    // Lose D1's allocation, as a failed step or a pre-existing history would.
    await h!.warehouse.load({
      tables: [
        {
          table: 'allocated_cost_daily',
          disposition: 'replace_window',
          primaryKey: ['usage_date', 'line_key'],
          window: { from: D1, to: D1, column: 'usage_date' },
          rows: [],
        },
      ],
      record: {
        runId: 'run_t',
        loadId: 'load_t',
        vendor: 'derived',
        resource: 'allocation',
        pages: 0,
        rows: 0,
        retries: 0,
        durationMs: 0,
        status: 'succeeded',
        startedAt: '2026-03-05T00:00:00Z',
        finishedAt: '2026-03-05T00:00:00Z',
      },
    })
    // Until it is re-derived, the day's money is still all there, as Unmapped.
    expect(await teamDay(D1)).toEqual({ Unmapped: '55.000000000' })
    const report = await h!.derive()
    const step = report.resources.find((r) => r.resource === 'allocation')
    expect(step).toMatchObject({ status: 'succeeded', window: { from: D1, to: D1 } })
    expect(await teamDay(D1)).toMatchObject({ platform: '32.000000000' })
  })
})

describe('people and teams', () => {
  it('attributes D1 to people and teams as computed by hand; no person is Unmapped', async () => {
    readOnly()
    expect(await personDay(D1)).toEqual({
      [ADA]: '32.000000000',
      [BEN]: '15.000000000',
      Unmapped: '8.000000000',
    })
    expect(await teamDay(D1)).toEqual({
      platform: '32.000000000',
      data: '15.000000000',
      Unmapped: '8.000000000',
    })
  })

  it("moves Ben to platform from the map's valid_from only", async () => {
    readOnly()
    expect(await teamDay(FEB)).toEqual({ platform: '4.000000000' })
    expect((await teamDay(D1)).data).toBe('15.000000000')
    expect(await teamDay(D2)).toEqual({ platform: '7.000000010' })
  })

  it('a new map entry re-attributes only from its date, and the old days keep theirs', async () => {
    await seeded()
    await h!.importMap(`${MAP_CSV}\nci-bot,anthropic,${ADA},platform,${D2}`)
    expect((await personDay(D1)).Unmapped).toBe('8.000000000')
    await h!.importMap(`${MAP_CSV}\nci-bot,anthropic,${ADA},,${D1}`)
    expect(await personDay(D1)).toEqual({
      [ADA]: '35.000000000',
      [BEN]: '15.000000000',
      Unmapped: '5.000000000',
    })
    expect((await teamDay(D1)).platform).toBe('35.000000000')
  })

  it('a map entry for a key name applies to its key ids; one for the id wins over it', async () => {
    await seeded()
    await h!.importMap(`${MAP_CSV}\netl-service,anthropic,${BEN},ops,`)
    expect((await teamDay(D1)).ops).toBe('5.000000000')
    await h!.importMap(`${MAP_CSV}\netl-service,anthropic,${BEN},ops,\nk_svc,,${ADA},,`)
    const teams = await teamDay(D1)
    expect(teams.ops).toBeUndefined()
    expect(teams.platform).toBe('37.000000000')
  })

  it('lists the identities no one owns, with their spend, tokens and activity', async () => {
    readOnly()
    const rows = await h!.query<Record<string, unknown>>(`SELECT provider, identity_type, identity,
      CAST(first_seen AS VARCHAR) AS first_seen, CAST(vendor_reported_usd AS VARCHAR) AS usd,
      tokens, active_days FROM unmapped_identities ORDER BY identity`)
    expect(rows).toEqual([
      {
        provider: 'anthropic',
        identity_type: 'api_key_name',
        identity: 'ci-bot',
        first_seen: D1,
        usd: '3.000000000',
        tokens: 0,
        active_days: 1,
      },
      {
        provider: 'anthropic',
        identity_type: 'api_key',
        identity: 'k_svc',
        first_seen: D1,
        usd: '5.000000000',
        tokens: 50,
        active_days: 1,
      },
    ])
  })

  it('shows map and vendor identities with validity periods, people and teams', async () => {
    readOnly()
    const ben = await h!.query(`SELECT CAST(valid_from AS VARCHAR) AS f, CAST(valid_to AS VARCHAR)
      AS t, team FROM identities WHERE source = 'identity_map' AND identity = '${BEN}'
      ORDER BY valid_from`)
    expect(ben).toEqual([
      { f: '0001-01-01', t: D2, team: 'data' },
      { f: D2, t: '9999-12-31', team: 'platform' },
    ])
    const keys = await byKey(`SELECT identity AS k, COALESCE(email, '-') AS v FROM identities
      WHERE source = 'vendor' AND identity_type = 'api_key'`)
    expect(keys).toEqual({ k_ada: ADA, k_ben: BEN, k_svc: '-', k_cc: ADA })
    const people = await h!.query(`SELECT email, team, in_identity_map FROM people ORDER BY email`)
    expect(people).toEqual([
      { email: ADA, team: 'platform', in_identity_map: true },
      { email: BEN, team: 'platform', in_identity_map: true },
      { email: 'cy@northwind.example', team: null, in_identity_map: false },
    ])
    expect(await byKey(`SELECT team AS k, CAST(people AS VARCHAR) AS v FROM teams`)).toEqual({
      platform: '2',
      data: '0',
    })
  })
})
