// A seat's price per day, shared by every vendor that bills seats (Cursor, Copilot). The
// monthly price is split over the days of its billing period with allocate() (largest
// remainder), so a seat held a whole period costs exactly the price, to the nano-dollar, in
// every month length — proration creates or loses nothing.

import { addDays, diffDays, type Day, type DayRange } from '../core/days.js'
import { allocate, type Money } from '../core/money.js'

/** The billing period holding `day`: from `billingDay` of its month to the day before the next
 *  (billingDay 1 = calendar months). */
export function billingPeriodOf(day: Day, billingDay = 1): DayRange {
  const [year, month, dom] = day.split('-').map(Number) as [number, number, number]
  const startMonth = dom >= billingDay ? month - 1 : month - 2
  const from = new Date(Date.UTC(year, startMonth, billingDay)).toISOString().slice(0, 10)
  const next = new Date(Date.UTC(year, startMonth + 1, billingDay)).toISOString().slice(0, 10)
  return { from, to: addDays(next, -1) }
}

/**
 * The share of `monthly` that falls on `day` (the shares of one period sum to `monthly`).
 * @example dayShare('2026-02-01', dollars('19')) // 0.678571429 (28 shares summing to 19)
 */
export function dayShare(day: Day, monthly: Money, billingDay = 1): Money {
  const period = billingPeriodOf(day, billingDay)
  const days = diffDays(period.from, period.to) + 1
  const shares = allocate(
    monthly,
    Array.from({ length: days }, () => 1n),
  )
  return shares[diffDays(period.from, day)]!
}
