// Budgets from config → one row per budget period for the `budgets` table, so SQL joins budget
// to actual without date arithmetic (engines spell it differently): every period carries its
// first and last day and its length. Periods are calendar months or quarters in UTC; a budget
// runs from its `from` month's period (or HISTORY_MONTHS back) to AHEAD_MONTHS past today.

import { addDays, diffDays, type Day } from '../core/days.js'
import { dollars, toDecimalString } from '../core/money.js'
import type { Row } from '../core/records.js'
import { budgetIdOf, type BudgetConfig } from './config.js'

/** How far back a budget without `from` is written, and how far ahead any budget is. */
export const HISTORY_MONTHS = 24
export const AHEAD_MONTHS = 12

export interface BudgetPeriod {
  budgetId: string
  scope: BudgetConfig['scope']
  name: string | null
  period: BudgetConfig['period']
  periodStart: Day
  periodEnd: Day
  daysInPeriod: number
  amountUsd: string
}

/** Every period of every budget from its start to AHEAD_MONTHS after `today`. */
export function expandBudgets(budgets: readonly BudgetConfig[], today: Day): BudgetPeriod[] {
  const horizon = monthOf(today, AHEAD_MONTHS)
  return budgets.flatMap((b) => {
    const first = periodStartOf(b.from ? `${b.from}-01` : monthOf(today, -HISTORY_MONTHS), b.period)
    const periods: BudgetPeriod[] = []
    for (let start = first; start <= horizon; start = nextPeriod(start, b.period)) {
      const end = addDays(nextPeriod(start, b.period), -1)
      periods.push({
        budgetId: budgetIdOf(b),
        scope: b.scope,
        name: b.name ?? null,
        period: b.period,
        periodStart: start,
        periodEnd: end,
        daysInPeriod: diffDays(start, end) + 1,
        amountUsd: toDecimalString(dollars(b.amountUsd)),
      })
    }
    return periods
  })
}

/** The `budgets` table row of a period. */
export function budgetRow(p: BudgetPeriod): Row {
  return {
    budget_id: p.budgetId,
    scope: p.scope,
    name: p.name,
    period: p.period,
    period_start: p.periodStart,
    period_end: p.periodEnd,
    days_in_period: p.daysInPeriod,
    amount_usd: p.amountUsd,
  }
}

/** First day of the month `n` months after the month of `day`. */
function monthOf(day: Day, n: number): Day {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

function periodStartOf(day: Day, period: BudgetConfig['period']): Day {
  const month = monthOf(day, 0)
  if (period === 'month') return month
  const m = Number(month.slice(5, 7))
  return monthOf(month, -((m - 1) % 3))
}

function nextPeriod(start: Day, period: BudgetConfig['period']): Day {
  return monthOf(start, period === 'month' ? 1 : 3)
}
