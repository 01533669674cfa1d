import { afterEach, describe, expect, it } from 'vitest'
import { addDays, daysIn, type Day } from '../../core/days.js'
import { dollarsFromNumber, sum, ZERO, type Money } from '../../core/money.js'
import { startTestSim, type TestSim } from './test-support.js'

interface UsageItem {
  product: string
  sku: string
  model: string
  unitType: string
  pricePerUnit: number
  grossQuantity: number
  grossAmount: number
  discountQuantity: number
  discountAmount: number
  netQuantity: number
  netAmount: number
}
interface Usage {
  timePeriod: { year: number; month: number; day?: number }
  organization: string
  user?: string
  model?: string
  product?: string
  usageItems: UsageItem[]
}

let t: TestSim | undefined
afterEach(async () => {
  await t?.sim.close()
  t = undefined
})

const usage = (t: TestSim, query: string) =>
  t.getJson<Usage>(`/organizations/${t.sim.org}/settings/billing/premium_request/usage?${query}`)
const dayQuery = (day: Day) =>
  `year=${day.slice(0, 4)}&month=${Number(day.slice(5, 7))}&day=${Number(day.slice(8))}`
const net = (u: Usage): Money => sum(u.usageItems.map((i) => dollarsFromNumber(i.netAmount)))

describe('GitHub simulator: premium-request billing usage', () => {
  it('per-day calls sum exactly to the truth, including the still-growing last days', async () => {
    t = await startTestSim()
    const truth = t.sim.truth.premiumCostByDay('2026-02-01', '2026-03-15')
    let total = ZERO
    for (const day of daysIn({ from: '2026-02-01', to: '2026-03-15' })) {
      const u = await usage(t, dayQuery(day))
      expect(u.timePeriod).toEqual({
        year: Number(day.slice(0, 4)),
        month: Number(day.slice(5, 7)),
        day: Number(day.slice(8)),
      })
      expect(net(u), day).toBe(truth.get(day))
      total = (total + net(u)) as Money
    }
    expect(total).toBeGreaterThan(0n)
    expect(truth.get('2026-03-16')).toBeUndefined()
  })

  it('per-user per-day calls (user=) equal the per-user truth', async () => {
    t = await startTestSim()
    const from = '2026-02-09'
    const to = '2026-02-22'
    const truth = t.sim.truth.premiumCostByDayAndUser(from, to)
    const spenders = new Set(
      [...truth.values()].flatMap((m) => [...m].filter(([, v]) => v > 0n).map(([k]) => k)),
    )
    const logins = [...spenders].slice(0, 2)
    expect(logins.length).toBe(2)
    for (const login of logins) {
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const u = await usage(t, `${dayQuery(day)}&user=${login.toUpperCase()}`)
        expect(u.user).toBe(login.toUpperCase())
        expect(net(u), `${login} ${day}`).toBe(truth.get(day)?.get(login) ?? ZERO)
      }
    }
  })

  it('prices exactly: gross − discount = net, amounts = quantity × $0.04, allowance 300 per user-month', async () => {
    t = await startTestSim()
    const month = await usage(t, 'year=2026&month=2')
    expect(month.usageItems.length).toBeGreaterThan(0)
    for (const i of month.usageItems) {
      expect(i).toMatchObject({
        product: 'Copilot',
        sku: 'Copilot Premium Request',
        unitType: 'requests',
        pricePerUnit: 0.04,
      })
      const price = (q: number) => (dollarsFromNumber(q) * 4n) / 100n
      expect(dollarsFromNumber(i.grossAmount)).toBe(price(i.grossQuantity))
      expect(dollarsFromNumber(i.discountAmount)).toBe(price(i.discountQuantity))
      expect(dollarsFromNumber(i.netAmount)).toBe(
        dollarsFromNumber(i.grossAmount) - dollarsFromNumber(i.discountAmount),
      )
    }
    const byUser = t.sim.truth.premiumCostByDayAndUser('2026-02-01', '2026-02-28')
    const heavy = [...byUser.values()].flatMap((m) =>
      [...m].filter(([, v]) => v > 0n).map(([k]) => k),
    )[0]!
    const mine = await usage(t, `year=2026&month=2&user=${heavy}`)
    const discount = mine.usageItems.reduce((s, i) => s + dollarsFromNumber(i.discountQuantity), 0n)
    expect(discount).toBe(dollarsFromNumber(300))
  })

  it('sends amounts as numbers whose text is a short exact decimal', async () => {
    t = await startTestSim()
    const res = await t.get(
      `/organizations/${t.sim.org}/settings/billing/premium_request/usage?year=2026&month=2`,
    )
    const text = await res.text()
    const amounts = [...text.matchAll(/"(?:gross|discount|net)Amount":([^,}]+)/g)].map((m) => m[1]!)
    expect(amounts.length).toBeGreaterThan(0)
    for (const a of amounts) expect(a).toMatch(/^\d+(\.\d{1,6})?$/)
  })

  it('filters by model and product, case-insensitively, and defaults to the current month', async () => {
    t = await startTestSim()
    const opus = await usage(t, 'year=2026&month=2&model=claude%20opus%204.1')
    expect(opus.usageItems.map((i) => i.model)).toEqual(['Claude Opus 4.1'])
    expect(opus.model).toBe('claude opus 4.1')
    expect((await usage(t, 'year=2026&month=2&product=Actions')).usageItems).toEqual([])
    expect((await usage(t, 'year=2026&month=2&user=not-a-member')).usageItems).toEqual([])
    const current = await usage(t, '')
    expect(current.timePeriod).toEqual({ year: 2026, month: 3 })
    expect(current.organization).toBe(t.sim.org)
  })

  it('answers 400 for invalid periods and for data older than 24 months, 404 for another org', async () => {
    t = await startTestSim()
    const status = async (query: string) =>
      (await t!.get(`/organizations/${t!.sim.org}/settings/billing/premium_request/usage?${query}`))
        .status
    expect(await status('year=2026&month=13')).toBe(400)
    expect(await status('year=2026&month=2&day=30')).toBe(400)
    expect(await status('year=twenty')).toBe(400)
    expect(await status('year=2024&month=3')).toBe(400)
    expect(await status('year=2024&month=4')).toBe(200)
    expect(
      (await t.get('/organizations/someone-else/settings/billing/premium_request/usage')).status,
    ).toBe(404)
  })
})
