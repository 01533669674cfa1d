// GET /organizations/{org}/settings/billing/premium_request/usage. `year` defaults to the
// current year and `month` to the current month (so one call covers at most a month); `day`,
// `user`, `model` and `product` narrow it. Items are grouped by model; amounts are dollars as
// JSON numbers whose shortest text is the exact decimal. Older than 24 months → 400.

import { Hono, type Context } from 'hono'
import { dayOf } from '../../core/days.js'
import {
  BILLING_RETENTION_MONTHS,
  CHAT_MODELS,
  PREMIUM_PRICE_DOLLARS,
  PREMIUM_PRODUCT,
  PREMIUM_SKU,
  PREMIUM_UNIT,
} from './catalog.js'
import type { GithubData } from './data.js'
import { githubError, notFound } from './errors.js'
import {
  amountOf,
  daysOfMonth,
  moneyNumber,
  premiumLinesForMonth,
  quantityNumber,
  type PremiumLine,
  type UsageItemJson,
} from './billing.js'

export interface BillingRouteDeps {
  data: GithubData
  nowMs: () => number
}

interface UsageQuery {
  year: number
  month: number
  day?: number
  user?: string
  model?: string
  product?: string
}

export function billingRoutes(deps: BillingRouteDeps): Hono {
  const app = new Hono()
  app.get('/organizations/:org/settings/billing/premium_request/usage', (c) => {
    if (c.req.param('org').toLowerCase() !== deps.data.org.login) return notFound()
    const nowMs = deps.nowMs()
    const q = parseQuery(c, nowMs)
    if (typeof q === 'string')
      return githubError(400, q, 'https://docs.github.com/rest/billing/usage')
    const lines = premiumLinesForMonth(deps.data, q.year, q.month, nowMs).filter((l) =>
      matches(l, q),
    )
    return c.json({
      timePeriod: { year: q.year, month: q.month, ...(q.day !== undefined ? { day: q.day } : {}) },
      organization: deps.data.org.login,
      ...(q.user !== undefined ? { user: q.user } : {}),
      ...(q.product !== undefined ? { product: q.product } : {}),
      ...(q.model !== undefined ? { model: q.model } : {}),
      usageItems: usageItems(lines),
    })
  })
  return app
}

function intParam(
  c: Context,
  name: string,
  min: number,
  max: number,
): number | undefined | 'invalid' {
  const raw = c.req.query(name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  return /^\d+$/.test(raw) && n >= min && n <= max ? n : 'invalid'
}

/** The validated query, or the 400 message. */
function parseQuery(c: Context, nowMs: number): UsageQuery | string {
  const today = dayOf(new Date(nowMs))
  const year = intParam(c, 'year', 1000, 9999) ?? Number(today.slice(0, 4))
  const month = intParam(c, 'month', 1, 12) ?? Number(today.slice(5, 7))
  const day = intParam(c, 'day', 1, 31)
  if (year === 'invalid') return 'Invalid year: it must be a four-digit integer.'
  if (month === 'invalid') return 'Invalid month: it must be an integer between 1 and 12.'
  if (day === 'invalid' || (day !== undefined && day > daysOfMonth(year, month).length)) {
    return 'Invalid day for the given year and month.'
  }
  const age = (Number(today.slice(0, 4)) - year) * 12 + Number(today.slice(5, 7)) - month
  if (age >= BILLING_RETENTION_MONTHS)
    return 'Only data from the past 24 months is accessible via this endpoint.'
  return {
    year,
    month,
    day,
    user: c.req.query('user'),
    model: c.req.query('model'),
    product: c.req.query('product'),
  }
}

function matches(line: PremiumLine, q: UsageQuery): boolean {
  const same = (a: string, b: string | undefined) =>
    b === undefined || a.toLowerCase() === b.toLowerCase()
  return (
    (q.day === undefined || Number(line.day.slice(8, 10)) === q.day) &&
    same(line.login, q.user) &&
    same(line.model.billingName, q.model) &&
    same(PREMIUM_PRODUCT, q.product)
  )
}

/** One item per model (catalog order): gross, included-allowance discount, net. */
function usageItems(lines: PremiumLine[]): UsageItemJson[] {
  return CHAT_MODELS.flatMap((model) => {
    const mine = lines.filter((l) => l.model === model)
    if (mine.length === 0) return []
    const gross = mine.reduce((s, l) => s + l.grossCenti, 0)
    const discount = mine.reduce((s, l) => s + l.discountCenti, 0)
    const net = gross - discount
    return [
      {
        product: PREMIUM_PRODUCT,
        sku: PREMIUM_SKU,
        model: model.billingName,
        unitType: PREMIUM_UNIT,
        pricePerUnit: Number(PREMIUM_PRICE_DOLLARS),
        grossQuantity: quantityNumber(gross),
        grossAmount: moneyNumber(amountOf(gross)),
        discountQuantity: quantityNumber(discount),
        discountAmount: moneyNumber(amountOf(discount)),
        netQuantity: quantityNumber(net),
        netAmount: moneyNumber(amountOf(net)),
      },
    ]
  })
}
