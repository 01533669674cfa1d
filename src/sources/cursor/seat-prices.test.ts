import { describe, expect, it } from 'vitest'
import { daysIn } from '../../core/days.js'
import { dollars, sum, toDecimalString } from '../../core/money.js'
import { billingPeriodOf, dayShare, seatPricesResource } from './seat-prices.js'

describe('billingPeriodOf', () => {
  it('is the calendar month with billing day 1', () => {
    expect(billingPeriodOf('2026-02-14', 1)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(billingPeriodOf('2024-02-29', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })

  it('starts on the billing day and crosses months and years', () => {
    expect(billingPeriodOf('2026-03-20', 20)).toEqual({ from: '2026-03-20', to: '2026-04-19' })
    expect(billingPeriodOf('2026-03-19', 20)).toEqual({ from: '2026-02-20', to: '2026-03-19' })
    expect(billingPeriodOf('2026-01-05', 15)).toEqual({ from: '2025-12-15', to: '2026-01-14' })
  })
})

describe('dayShare', () => {
  it.each([
    ['40.00', 1, '2026-02-01', 28],
    ['40.00', 1, '2024-02-01', 29],
    ['19.99', 1, '2026-04-01', 30],
    ['40.00', 20, '2026-03-20', 31],
    ['0.000000007', 1, '2026-01-01', 31],
  ])('splits %s over a %s-billed period so its days add up exactly', (price, billing, start, n) => {
    const period = billingPeriodOf(start, billing)
    const days = daysIn(period)
    expect(days).toHaveLength(n)
    const shares = days.map((d) => dayShare(d, dollars(price), billing))
    expect(toDecimalString(sum(shares))).toBe(toDecimalString(dollars(price)))
    const spread = shares.map(Number)
    expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1)
  })
})

describe('seatPricesResource', () => {
  const resource = seatPricesResource({ lookbackDays: 3, monthlyPriceUsd: '40', billingDay: 1 })
  const window = { from: '2026-02-27', to: '2026-03-01' }

  it('writes one row per day of the window, from config alone', async () => {
    const pages = []
    const ctx = {} as Parameters<typeof resource.extract>[0]
    for await (const page of resource.extract(ctx, window)) pages.push(page)
    expect(pages).toHaveLength(1)
    const rows = resource.normalize(pages[0]!, { capturedAt: '', window }).cursor_seat_prices!
    expect(rows.map((r) => [r.usage_date, r.period_days, r.day_share_usd])).toEqual([
      ['2026-02-27', 28, '1.428571428'],
      ['2026-02-28', 28, '1.428571428'],
      ['2026-03-01', 31, '1.290322581'],
    ])
  })
})
