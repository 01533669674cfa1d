// Premium-request billing: every chat/agent/CLI interaction on a premium model costs
// multiplier × 1 request at $0.04; each seat's monthly included allowance is consumed first
// (day order, then catalog model order) and shows as the discount. Quantities are integer
// hundredths of a request and amounts integer nano-dollars, so every figure is an exact decimal.

import { addDays, type Day } from '../../core/days.js'
import {
  dollars,
  dollarsFromNumber,
  fromNanos,
  toDecimalString,
  type Money,
} from '../../core/money.js'
import type { UserDayFacts } from './activity.js'
import {
  CHAT_MODELS,
  CHAT_MODES,
  CLI_MODEL_ID,
  INCLUDED_REQUESTS,
  PREMIUM_PRICE_DOLLARS,
  type CopilotModel,
} from './catalog.js'
import type { GithubData } from './data.js'

export interface PremiumLine {
  day: Day
  login: string
  model: CopilotModel
  /** Hundredths of a premium request. */
  grossCenti: number
  discountCenti: number
}

const PRICE = dollars(PREMIUM_PRICE_DOLLARS)
const PRICE_PER_CENTI = PRICE / 100n
if (PRICE_PER_CENTI * 100n !== PRICE) throw new Error('premium price must be exact in hundredths')

export function amountOf(centi: number): Money {
  return fromNanos(BigInt(centi) * PRICE_PER_CENTI)
}

/** Premium requests a user's day asked for, per model, in hundredths (catalog order). */
export function demandByModel(f: UserDayFacts): Map<CopilotModel, number> {
  const demand = new Map<CopilotModel, number>()
  const add = (modelId: string, interactions: number) => {
    const model = CHAT_MODELS.find((m) => m.id === modelId)
    if (!model || model.multiplierHundredths === 0 || interactions === 0) return
    demand.set(model, (demand.get(model) ?? 0) + interactions * model.multiplierHundredths)
  }
  for (const c of f.cells) if (CHAT_MODES.includes(c.feature)) add(c.model, c.interactions)
  if (f.cli) add(CLI_MODEL_ID, f.cli.prompts)
  return new Map([...demand].sort(([a], [b]) => CHAT_MODELS.indexOf(a) - CHAT_MODELS.indexOf(b)))
}

export function daysOfMonth(year: number, month: number): Day[] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`
  const days: Day[] = []
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) days.push(d)
  return days
}

/** Every (day, user, model) premium line of a calendar month, as visible at `nowMs`. */
export function premiumLinesForMonth(
  data: GithubData,
  year: number,
  month: number,
  nowMs: number,
): PremiumLine[] {
  const included = INCLUDED_REQUESTS[data.org.planType] * 100
  const left = new Map<string, number>()
  const lines: PremiumLine[] = []
  for (const day of daysOfMonth(year, month)) {
    for (const f of data.visibleFacts(day, nowMs)) {
      for (const [model, grossCenti] of demandByModel(f)) {
        const remaining = left.get(f.login) ?? included
        const discountCenti = Math.min(grossCenti, remaining)
        left.set(f.login, remaining - discountCenti)
        lines.push({ day, login: f.login, model, grossCenti, discountCenti })
      }
    }
  }
  return lines
}

/** Lines of every month touching [from, to], restricted to those days. */
export function premiumLinesBetween(
  data: GithubData,
  from: Day,
  to: Day,
  nowMs: number,
): PremiumLine[] {
  const lines: PremiumLine[] = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7)) {
    const monthLines = premiumLinesForMonth(
      data,
      Number(m.slice(0, 4)),
      Number(m.slice(5, 7)),
      nowMs,
    )
    lines.push(...monthLines.filter((l) => l.day >= from && l.day <= to))
  }
  return lines
}

/** A dollar amount as a JSON number whose shortest text is the exact decimal (checked). */
export function moneyNumber(amount: Money): number {
  const value = Number(toDecimalString(amount))
  if (dollarsFromNumber(value) !== amount)
    throw new RangeError(`amount not exact as a number: ${value}`)
  return value
}

/** Hundredths of a request as a JSON number (12.33). */
export function quantityNumber(centi: number): number {
  const text = `${Math.trunc(centi / 100)}.${String(centi % 100).padStart(2, '0')}`
  return Number(text)
}

export interface UsageItemJson {
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
