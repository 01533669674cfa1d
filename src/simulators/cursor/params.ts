// Request-body validation for the POST endpoints. Dates are epoch milliseconds (numbers);
// ranges longer than 30 days are rejected with the documented message. Page-size maxima are not
// documented: 1000 here is an assumption (see README). A violation throws `BadRequest`, which the
// route turns into the documented 400 body.

import { RANGE_TOO_LONG } from './errors.js'
import { DAY_MS } from '../shared/days.js'

export class BadRequest extends Error {}

export interface DateRange {
  startDate: number
  endDate: number
}

export interface PageRequest {
  page: number
  pageSize: number
}

export type SortBy = 'amount' | 'date' | 'user'
export type SortDirection = 'asc' | 'desc'

export const MAX_PAGE_SIZE = 1000
const MAX_RANGE_MS = 30 * DAY_MS

export function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body))
    throw new BadRequest('Request body must be a JSON object')
  return body as Record<string, unknown>
}

/** startDate/endDate; defaults apply only when the endpoint documents them as optional. */
export function readRange(body: Record<string, unknown>, defaults?: () => DateRange): DateRange {
  if (body.startDate === undefined && body.endDate === undefined && defaults) return defaults()
  const startDate = readEpochMs(body, 'startDate')
  const endDate = readEpochMs(body, 'endDate')
  if (endDate < startDate) throw new BadRequest('endDate must not be before startDate')
  if (endDate - startDate > MAX_RANGE_MS) throw new BadRequest(RANGE_TOO_LONG)
  return { startDate, endDate }
}

/** The page request, or undefined when neither field was sent. */
export function readPage(
  body: Record<string, unknown>,
  defaultSize: number,
): PageRequest | undefined {
  if (body.page === undefined && body.pageSize === undefined) return undefined
  const page = readInt(body, 'page', 1, Number.MAX_SAFE_INTEGER) ?? 1
  const pageSize = readInt(body, 'pageSize', 1, MAX_PAGE_SIZE) ?? defaultSize
  return { page, pageSize }
}

export function readString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new BadRequest(`${field} must be a string`)
  return value
}

export function readChoice<T extends string>(
  body: Record<string, unknown>,
  field: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = readString(body, field)
  if (value === undefined) return fallback
  if (!(choices as readonly string[]).includes(value)) {
    throw new BadRequest(`${field} must be one of: ${choices.join(', ')}`)
  }
  return value as T
}

function readEpochMs(body: Record<string, unknown>, field: string): number {
  const value = body[field]
  if (value === undefined || value === null)
    throw new BadRequest(`${field} is required (epoch milliseconds)`)
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new BadRequest(`${field} must be a number of epoch milliseconds`)
  }
  return value
}

function readInt(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequest(`${field} must be an integer from ${min} to ${max}`)
  }
  return value
}
