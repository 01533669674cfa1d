// The demo's finance summary, read from the public views only (what a dashboard would show):
// spend by team and tool over the last 30 days, the top spenders, seats and idle seats per
// tool on the latest day, and the budgets running now. Money is summed exactly in the
// warehouse (vendor-reported money, allocated splits included) and formatted to the cent.

import { addDays, maxDay, type Day } from '../core/days.js'
import { dollars, formatUsd } from '../core/money.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { formatTable } from './output.js'

export interface FinanceSummary {
  from: Day
  to: Day
  byTeamAndTool: { team: string; tool: string; people: number; cost: string }[]
  topPeople: { person: string; team: string; cost: string }[]
  seats: { tool: string; seats: number; active28: number; idle14: number; never: number }[]
  budgets: {
    budget: string
    period: string
    actual: string
    amount: string
    forecast: string
    status: string
  }[]
}

export async function financeSummary(warehouse: Warehouse, from: Day, to: Day) {
  const params = { from: maxDay(from, addDays(to, -29)), to }
  const range = `usage_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
    AND source_basis = 'vendor_reported'`
  const [byTeamAndTool, topPeople, seats, budgets] = await Promise.all([
    warehouse.query<FinanceSummary['byTeamAndTool'][number]>(
      `SELECT team, tool, CAST(COUNT(DISTINCT CASE WHEN person <> 'Unmapped' THEN person END)
       AS INT64) AS people, CAST(SUM(cost_usd) AS STRING) AS cost FROM spend_by_person_daily
       WHERE ${range} GROUP BY team, tool ORDER BY SUM(cost_usd) DESC`,
      { params },
    ),
    warehouse.query<FinanceSummary['topPeople'][number]>(
      `SELECT person, MAX(team) AS team, CAST(SUM(cost_usd) AS STRING) AS cost
       FROM spend_by_person_daily WHERE ${range} AND person <> 'Unmapped'
       GROUP BY person ORDER BY SUM(cost_usd) DESC LIMIT 5`,
      { params },
    ),
    warehouse.query<FinanceSummary['seats'][number]>(SEATS_SQL),
    warehouse.query<FinanceSummary['budgets'][number]>(BUDGETS_SQL),
  ])
  return { ...params, byTeamAndTool, topPeople, seats, budgets } satisfies FinanceSummary
}

const SEATS_SQL = `SELECT tool, CAST(seats AS INT64) AS seats,
  CAST(seats_active_28d AS INT64) AS active28, CAST(idle_seats_14d AS INT64) AS idle14,
  CAST(never_activated_seats AS INT64) AS never
FROM adoption_daily
WHERE seats > 0 AND usage_date = (SELECT MAX(usage_date) FROM adoption_daily WHERE seats > 0)
ORDER BY tool`

const BUDGETS_SQL = `SELECT budget_id AS budget,
  CAST(period_start AS STRING) || '..' || CAST(period_end AS STRING) AS period,
  CAST(actual_usd AS STRING) AS actual, CAST(budget_usd AS STRING) AS amount,
  CAST(forecast_usd AS STRING) AS forecast, status
FROM budget_burn WHERE as_of = (SELECT MAX(as_of) FROM budget_burn) AND as_of < period_end
ORDER BY budget_id`

export function formatFinanceSummary(s: FinanceSummary): string {
  const usd = (text: string) => formatUsd(dollars(text))
  const parts = [
    `Spend by team and tool, ${s.from}..${s.to} (spend_by_person_daily, vendor-reported money):`,
    formatTable(
      ['team', 'tool', 'people', 'spend'],
      s.byTeamAndTool.map((r) => [r.team, r.tool, r.people, usd(r.cost)]),
    ),
    `\nTop people (spend_by_person_daily):`,
    formatTable(
      ['person', 'team', 'spend'],
      s.topPeople.map((r) => [r.person, r.team, usd(r.cost)]),
    ),
    `\nSeats (adoption_daily, latest day):`,
    formatTable(
      ['tool', 'seats', 'active 28d', 'idle 14d', 'never used'],
      s.seats.map((r) => [r.tool, r.seats, r.active28, r.idle14, r.never]),
    ),
  ]
  if (s.budgets.length > 0) {
    const rows = s.budgets.map((b) => [
      b.budget,
      b.period,
      `${usd(b.actual)} of ${usd(b.amount)}`,
      usd(b.forecast),
      b.status,
    ])
    parts.push(
      `\nBudgets (budget_burn):`,
      formatTable(['budget', 'period', 'actual', 'forecast', 'status'], rows),
    )
  }
  return parts.join('\n')
}
