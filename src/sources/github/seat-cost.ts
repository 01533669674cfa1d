// The configured monthly Copilot seat price, prorated to one day over the calendar month
// (Copilot bills calendar months): the shared exact split in src/sources/seat-share.ts.

import type { Day } from '../../core/days.js'
import type { Money } from '../../core/money.js'
import { dayShare } from '../seat-share.js'

/**
 * One seat's share of `monthlyPrice` on `day`.
 * @example dailySeatPrice(dollars('19'), '2026-02-01') // 0.678571429 (28 shares summing to 19)
 */
export function dailySeatPrice(monthlyPrice: Money, day: Day): Money {
  return dayShare(day, monthlyPrice, 1)
}
