// The configured monthly seat price, prorated to one day. The month's price is split over its
// days with allocate() (largest remainder, earliest days first), so the daily shares of one
// seat sum back to the monthly price exactly, to the nano-dollar, in every month length.

import { daysIn, type Day } from '../../core/days.js'
import { allocate, type Money } from '../../core/money.js'

/**
 * One seat's share of `monthlyPrice` on `day`.
 * @example dailySeatPrice(dollars('19'), '2026-02-01') // 0.678571429 (28 shares summing to 19)
 */
export function dailySeatPrice(monthlyPrice: Money, day: Day): Money {
  const month = day.slice(0, 7)
  const days = daysIn({ from: `${month}-01`, to: lastDayOfMonth(month) })
  const shares = allocate(
    monthlyPrice,
    days.map(() => 1n),
  )
  return shares[days.indexOf(day)] as Money
}

function lastDayOfMonth(month: string): Day {
  const [year = 0, m = 0] = month.split('-').map(Number)
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}
