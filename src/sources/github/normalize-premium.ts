// Premium-request usage of one day → rows. The org-wide answer (per product × sku × model) is
// the money truth; the per-user answers attribute it. Dollars and quantities arrive as JSON
// numbers and are read exactly through their shortest text (dollarsFromNumber). Whatever the
// per-user answers do not cover (a user we did not ask about) is kept as an '(unattributed)'
// line, so per-user rows always sum exactly to the day's total and never silently fall short.

import { dayOf } from '../../core/days.js'
import { dollarsFromNumber, toDecimalString, type Money } from '../../core/money.js'
import { rawJson, type Row } from '../../core/records.js'
import { payloadError, type ParseWhere } from '../parse.js'
import type { RawPage, TableRows } from '../source.js'
import { z } from 'zod'
import { premiumUsageSchema, type PremiumUsage, type UsageItem } from './payloads.js'
import type { GithubScope } from './scope.js'

export const PREMIUM_TABLE = 'github_copilot_premium_usage'
export const PREMIUM_USER_TABLE = 'github_copilot_premium_user_usage'
/** The user_login of the part of a day's total no per-user answer covered. GitHub logins
 *  cannot contain parentheses, so it never collides with a real login. */
export const UNATTRIBUTED = '(unattributed)'

const WHERE: ParseWhere = { vendor: 'github', resource: 'premium_requests' }

/** What the extract yields per day: the org answer and, when attributing, one per user. */
export const premiumDaySchema = z.object({
  day: z.string(),
  org: premiumUsageSchema,
  users: z.array(z.object({ login: z.string().min(1), usage: premiumUsageSchema })).optional(),
})
export type PremiumDay = z.infer<typeof premiumDaySchema>

const FIGURES = [
  'grossQuantity',
  'grossAmount',
  'discountQuantity',
  'discountAmount',
  'netQuantity',
  'netAmount',
] as const
type Figures = Record<(typeof FIGURES)[number], bigint>

interface Line {
  product: string
  sku: string
  model: string
  unitType: string | null
  pricePerUnit: number | null
  figures: Figures
  raw: UsageItem[]
}

export function normalizePremiumPage(page: RawPage, scope: GithubScope): TableRows {
  const parsed = premiumDaySchema.safeParse(page.body)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '(page)'
    throw payloadError(
      `github premium_requests: unexpected payload at ${field}`,
      WHERE,
      page.window,
      {
        field,
        page: page.page,
      },
    )
  }
  const { day, org, users } = parsed.data
  checkPeriod(day, org, page)
  const total = linesOf(org)
  const keys = { usage_date: day, owner: scope.owner }
  const rows: TableRows = { [PREMIUM_TABLE]: [...total.values()].map((l) => lineRow(keys, l)) }
  if (users) rows[PREMIUM_USER_TABLE] = userRows(keys, total, users, page)
  return rows
}

function userRows(
  keys: Row,
  total: Map<string, Line>,
  users: NonNullable<PremiumDay['users']>,
  page: RawPage,
): Row[] {
  const rows: Row[] = []
  const left = new Map([...total].map(([k, l]) => [k, { ...l, figures: { ...l.figures } }]))
  for (const { login, usage } of users) {
    checkPeriod(String(keys.usage_date), usage, page)
    for (const [key, line] of linesOf(usage)) {
      rows.push(lineRow({ ...keys, user_login: login.toLowerCase() }, line))
      const rest = left.get(key)
      if (rest) for (const f of FIGURES) rest.figures[f] -= line.figures[f]
      else left.set(key, negated(line))
    }
  }
  for (const rest of left.values()) {
    if (FIGURES.some((f) => rest.figures[f] !== 0n))
      rows.push(lineRow({ ...keys, user_login: UNATTRIBUTED }, { ...rest, raw: [] }))
  }
  return rows
}

/** Items summed per product × sku × model, exactly. */
function linesOf(usage: PremiumUsage): Map<string, Line> {
  const lines = new Map<string, Line>()
  for (const item of usage.usageItems) {
    const key = JSON.stringify([item.product, item.sku, item.model])
    const line = lines.get(key) ?? emptyLine(item)
    for (const f of FIGURES) line.figures[f] += dollarsFromNumber(item[f])
    line.raw.push(item)
    lines.set(key, line)
  }
  return lines
}

function emptyLine(item: UsageItem): Line {
  const zero = Object.fromEntries(FIGURES.map((f) => [f, 0n])) as Figures
  return {
    product: item.product,
    sku: item.sku,
    model: item.model,
    unitType: item.unitType ?? null,
    pricePerUnit: item.pricePerUnit ?? null,
    figures: zero,
    raw: [],
  }
}

function negated(line: Line): Line {
  const figures = { ...line.figures }
  for (const f of FIGURES) figures[f] = -figures[f]
  return { ...line, figures }
}

/** Quantities and amounts alike are exact decimals at scale 9. */
const exact = (v: bigint) => toDecimalString(v as Money)

function lineRow(keys: Row, l: Line): Row {
  return {
    ...keys,
    product: l.product,
    sku: l.sku,
    model: l.model,
    model_id: modelId(l.model),
    unit_type: l.unitType,
    price_per_unit_usd:
      l.pricePerUnit === null ? null : toDecimalString(dollarsFromNumber(l.pricePerUnit)),
    gross_quantity: exact(l.figures.grossQuantity),
    gross_amount_usd: exact(l.figures.grossAmount),
    discount_quantity: exact(l.figures.discountQuantity),
    discount_amount_usd: exact(l.figures.discountAmount),
    net_quantity: exact(l.figures.netQuantity),
    net_amount_usd: exact(l.figures.netAmount),
    raw_json: rawJson(l.raw),
  }
}

/**
 * Billing names models for people ("Claude Sonnet 4.5"); the usage reports use ids
 * ("claude-sonnet-4.5"). Lower-case with dashes maps one onto the other for every model
 * GitHub lists today, with no table to maintain.
 */
export function modelId(billingName: string): string {
  return billingName.trim().toLowerCase().replace(/\s+/g, '-')
}

/** An answer must be for the day that was asked, when it says which day it is. */
function checkPeriod(day: string, usage: PremiumUsage, page: RawPage): void {
  const p = usage.timePeriod
  if (!p || p.month === undefined || p.day === undefined) return
  const said = dayOf(new Date(Date.UTC(p.year, p.month - 1, p.day)))
  if (said !== day)
    throw payloadError(
      `github premium_requests: an answer is for ${said}, not ${day}`,
      WHERE,
      page.window,
      {
        field: 'timePeriod',
        page: page.page,
      },
    )
}
