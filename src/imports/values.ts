// Cell parsers shared by every import kind. Each returns undefined for text it does not
// accept, and the caller raises the located error; none of them ever goes through a binary
// float. Display-formatted numbers ("$1,034.83", "15,344") must group thousands exactly by
// threes: "1,03x.00" or "1,0345" are typos to stop on, not numbers to guess at.

import { z } from 'zod'
import { addDays, isDay, type Day } from '../core/days.js'
import { dollars, toDecimalString, type Money } from '../core/money.js'

const GROUPED = String.raw`\d{1,3}(?:,\d{3})+|\d+`
const AMOUNT_RE = new RegExp(String.raw`^(-)?\$?(-)?(${GROUPED})(?:\.(\d{1,9}))?$`)
const COUNT_RE = new RegExp(`^(?:${GROUPED})$`)
const MONTH_RE = /^(\d{4})-(\d{2})$/
const UTC_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:Z|\+00:00)$/
const EMAIL = z.email()

/** "$1,034.83", "-$12.50", "1034.8", "1,034" → exact dollars; at most 9 decimals. */
export function parseDisplayDollars(text: string): Money | undefined {
  const m = AMOUNT_RE.exec(text.trim())
  if (!m || (m[1] && m[2])) return undefined
  const [, before, after, whole = '0', frac] = m
  const sign = before ?? after ?? ''
  return dollars(`${sign}${whole.replace(/,/g, '')}${frac ? `.${frac}` : ''}`)
}

/** "1,234.5", "-3", "0.25" → exact decimal text ('1234.5'); like dollars but without '$'. */
export function parseDisplayDecimal(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed.includes('$')) return undefined
  const amount = parseDisplayDollars(trimmed)
  return amount === undefined ? undefined : toDecimalString(amount)
}

/** "15,344" or "912" → 15344 / 912; non-negative whole numbers that fit a JS number exactly. */
export function parseDisplayCount(text: string): number | undefined {
  const trimmed = text.trim()
  if (!COUNT_RE.test(trimmed)) return undefined
  const n = Number(trimmed.replace(/,/g, ''))
  return Number.isSafeInteger(n) ? n : undefined
}

/** Trimmed, lower-cased, and a valid address (`Sean.ONeil@Example.com` → `sean.oneil@example.com`). */
export function normalizeEmail(text: string): string | undefined {
  const email = text.trim().toLowerCase()
  return EMAIL.safeParse(email).success ? email : undefined
}

export interface MonthRange {
  month: string
  first: Day
  last: Day
}

/** '2026-10' → its first and last day. */
export function parseMonth(text: string): MonthRange | undefined {
  const m = MONTH_RE.exec(text.trim())
  if (!m) return undefined
  const first = `${m[1]}-${m[2]}-01`
  if (!isDay(first)) return undefined
  const [year, month] = [Number(m[1]), Number(m[2])]
  const next =
    month === 12 ? `${year + 1}-01-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}-01`
  return { month: `${m[1]}-${m[2]}`, first, last: addDays(next, -1) }
}

/** A real calendar day 'YYYY-MM-DD', or undefined. */
export function parseDay(text: string): Day | undefined {
  const day = text.trim()
  return isDay(day) ? day : undefined
}

/**
 * A UTC timestamp ('…Z' or '…+00:00', up to microseconds) in one canonical text form with six
 * fractional digits, so the same instant always gives the same key whatever the export wrote.
 */
export function parseUtcTimestamp(text: string): string | undefined {
  const m = UTC_RE.exec(text.trim())
  if (!m) return undefined
  const [, day = '', hh = '', mm = '', ss = '', frac = ''] = m
  if (!isDay(day) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined
  return `${day}T${hh}:${mm}:${ss}.${frac.padEnd(6, '0')}Z`
}

/** Empty (after trimming) → null, else the trimmed text. */
export function blankToNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}
