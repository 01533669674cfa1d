// The seat price per day, from config (no API call: Cursor's Admin API does not expose the
// contract price). The monthly price is split over the days of its billing period with
// allocate(), so the day shares of a full period add up to the price exactly — a seat held all
// month costs precisely the invoiced price, and nothing is created or lost by the proration.
// The views multiply these shares by the seats held each day (cursor_seat_days).

import { daysIn, diffDays, type DayRange } from '../../core/days.js'
import { dollars, toDecimalString } from '../../core/money.js'
import { billingPeriodOf, dayShare } from '../seat-share.js'
import type { Row } from '../../core/records.js'
import type { Resource } from '../source.js'

export { billingPeriodOf, dayShare }

export interface SeatPriceOptions {
  lookbackDays: number
  /** Decimal string of USD per seat per month. */
  monthlyPriceUsd: string
  /** Day of the month a billing period starts (1–28). */
  billingDay: number
}

function seatPriceRows(window: DayRange, o: SeatPriceOptions): Row[] {
  const monthly = dollars(o.monthlyPriceUsd)
  return daysIn(window).map((day) => {
    const period = billingPeriodOf(day, o.billingDay)
    return {
      usage_date: day,
      monthly_price_usd: toDecimalString(monthly),
      period_start: period.from,
      period_end: period.to,
      period_days: diffDays(period.from, period.to) + 1,
      day_share_usd: toDecimalString(dayShare(day, monthly, o.billingDay)),
    }
  })
}

export function seatPricesResource(o: SeatPriceOptions): Resource {
  return {
    name: 'seat_prices',
    tables: [{ name: 'cursor_seat_prices', primaryKey: ['usage_date'], writeDisposition: 'merge' }],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 31 },
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable by contract
    extract: async function* (_ctx, window) {
      if (window) yield { page: 1, window, body: null }
    },
    normalize: (page) => ({
      cursor_seat_prices: page.window ? seatPriceRows(page.window, o) : [],
    }),
  }
}
