// Adoption and productivity views on the seeded organization (views-harness.ts): active people
// per tool, seats bought vs used, idle and never-activated seats, acceptance rates and cost per
// active person and per accepted line — each number computed by hand from the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../helpers/tmp.js'
import { createViewsHarness, type ViewsHarness } from './views-harness.js'
import { ADA, D1, D2, FEB, seedScenario } from './views-scenario.js'

const tmp = createTmpDirs()
let h: ViewsHarness

beforeAll(async () => {
  h = await createViewsHarness(tmp.make())
  await seedScenario(h)
  await h.derive()
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

const COLUMNS = `daily_active_people AS dau, weekly_active_people AS wau,
  monthly_active_people AS mau, active_unmapped_identities AS unmapped, seats,
  seats_active_28d AS active_seats, idle_seats_14d AS idle14, idle_seats_28d AS idle28,
  never_activated_seats AS never`

async function adoption(day: string, tool: string) {
  const [row] = await h.query(
    `SELECT ${COLUMNS} FROM adoption_daily WHERE usage_date = DATE '${day}' AND tool = '${tool}'`,
  )
  return row
}

describe('adoption_daily', () => {
  it('counts Claude Code seats (developers) and who activated them', async () => {
    // Ada and Ben are developers (seats); Cy is a plain user (no seat). On D1 Ada used Claude
    // Code (analytics and her Claude Code key) and ci-bot ran unowned; Ben never has.
    expect(await adoption(D1, 'claude_code')).toEqual({
      dau: 1,
      wau: 1,
      mau: 1,
      unmapped: 1,
      seats: 2,
      active_seats: 1,
      idle14: 1,
      idle28: 1,
      never: 1,
    })
  })

  it('keeps weekly and monthly actives and the seat counts on a quiet day', async () => {
    expect(await adoption(D2, 'claude_code')).toEqual({
      dau: 0,
      wau: 1,
      mau: 1,
      unmapped: 0,
      seats: 2,
      active_seats: 1,
      idle14: 1,
      idle28: 1,
      never: 1,
    })
    expect(await adoption(FEB, 'claude_code')).toMatchObject({ seats: 2, never: 2, idle14: 2 })
  })

  it('counts API users by person, unowned keys apart', async () => {
    expect(await adoption(D1, 'claude_api')).toMatchObject({ dau: 2, unmapped: 1, seats: 0 })
  })
})

describe('productivity_daily', () => {
  it("gives Claude Code's acceptance, lines, commits and cost per person and line", async () => {
    const rows = await h.query(`SELECT team, active_people, sessions, edits_proposed,
      edits_accepted, edit_acceptance_rate, lines_accepted, commits, pull_requests,
      CAST(cost_usd AS VARCHAR) AS cost, CAST(cost_per_active_person_usd AS VARCHAR) AS per_person,
      CAST(cost_per_accepted_line_usd AS VARCHAR) AS per_line
      FROM productivity_daily WHERE usage_date = DATE '${D1}' AND tool = 'claude_code'
      ORDER BY team`)
    expect(rows).toEqual([
      {
        team: 'Unmapped',
        active_people: 0,
        sessions: 1,
        edits_proposed: 2,
        edits_accepted: 2,
        edit_acceptance_rate: 1,
        lines_accepted: 30,
        commits: 0,
        pull_requests: 0,
        cost: '3.000000000',
        per_person: null,
        per_line: '0.100000000',
      },
      {
        team: 'platform',
        active_people: 1,
        sessions: 3,
        edits_proposed: 10,
        edits_accepted: 8,
        edit_acceptance_rate: 0.8,
        lines_accepted: 120,
        commits: 1,
        pull_requests: 1,
        cost: '6.000000000',
        per_person: '6.000000000',
        per_line: '0.050000000',
      },
    ])
  })

  it('puts API spend beside its active people, per team', async () => {
    const rows = await h.query(`SELECT team, active_people, CAST(cost_usd AS VARCHAR) AS cost,
      CAST(cost_per_active_person_usd AS VARCHAR) AS per_person FROM productivity_daily
      WHERE usage_date = DATE '${D2}' AND tool = 'claude_api'`)
    expect(rows).toEqual([
      { team: 'platform', active_people: 2, cost: '7.000000010', per_person: '3.500000000' },
    ])
  })

  it('people shows first and last active days across tools', async () => {
    const [ada] = await h.query(`SELECT CAST(first_active_date AS VARCHAR) AS first,
      CAST(last_active_date AS VARCHAR) AS last, tools_used FROM people WHERE email = '${ADA}'`)
    expect(ada).toEqual({ first: FEB, last: D2, tools_used: 2 })
  })
})
