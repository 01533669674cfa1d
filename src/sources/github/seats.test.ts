import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dollars, sum, toDecimalString } from '../../core/money.js'
import { daysIn } from '../../core/days.js'
import { dailySeatPrice } from './seat-cost.js'
import { normalizeSeatsPage, SEATS_TABLE } from './seats.js'

const body: unknown = JSON.parse(
  readFileSync(new URL('./__fixtures__/seats-page.json', import.meta.url), 'utf8'),
)
const ctx = { capturedAt: '2026-03-15T13:05:00.000Z' }
const org = { kind: 'organization' as const, owner: 'northwind-labs' }

describe('normalizeSeatsPage', () => {
  it('keys each seat by the UTC snapshot day and lower-cased login', () => {
    const rows = normalizeSeatsPage({ page: 1, body }, ctx, org, undefined)[SEATS_TABLE]!
    expect(rows.map((r) => [r.snapshot_date, r.assignee_login, r.assignment_key])).toEqual([
      ['2026-03-15', 'felixortiz', ''],
      ['2026-03-15', 'ineskim', ''],
    ])
    expect(rows[1]).toMatchObject({
      assigning_team_slug: 'platform',
      pending_cancellation_date: '2026-04-01',
      last_activity_at: null,
      plan_type: 'business',
      seat_daily_price_usd: null,
    })
  })

  it("carries the configured price's share of the snapshot day", () => {
    const rows = normalizeSeatsPage({ page: 1, body }, ctx, org, dollars('19'))[SEATS_TABLE]!
    expect(rows[0]!.seat_daily_price_usd).toBe(
      toDecimalString(dailySeatPrice(dollars('19'), '2026-03-15')),
    )
  })

  it('keys enterprise seats by granting org and team, since a user may appear per grant', () => {
    const enterprise = { kind: 'enterprise' as const, owner: 'northwind' }
    const rows = normalizeSeatsPage({ page: 1, body }, ctx, enterprise, undefined)[SEATS_TABLE]!
    expect(rows.map((r) => r.assignment_key)).toEqual(['/', '/platform'])
  })
})

describe('dailySeatPrice', () => {
  it.each(['2026-02', '2028-02', '2026-04', '2026-03'])(
    'splits the monthly price over %s so the days sum back exactly',
    (month) => {
      const price = dollars('19')
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0))
      const days = daysIn({ from: `${month}-01`, to: last.toISOString().slice(0, 10) })
      expect(sum(days.map((d) => dailySeatPrice(price, d)))).toBe(price)
      const shares = new Set(days.map((d) => dailySeatPrice(price, d)))
      // Equal shares up to one nano-dollar, the remainder on the earliest days.
      expect(shares.size).toBeLessThanOrEqual(2)
    },
  )
})
