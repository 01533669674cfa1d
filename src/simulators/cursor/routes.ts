// The four Admin API endpoints as pure functions of (validated body, facts, now) → JSON body.
// Days older than the retention window are simply absent (an empty page, never an error), and
// days after `now` do not exist yet.

import { dayOfEpochMs, daysIn, diffDays, maxDay, minDay, startOfDayMs } from '../../core/days.js'
import type { CursorData, MemberSpend } from './data.js'
import { DAY_MS } from '../shared/days.js'
import type { SortBy, SortDirection } from './params.js'
import {
  asObject,
  BadRequest,
  readChoice,
  readPage,
  readRange,
  readString,
  type PageRequest,
} from './params.js'
import {
  toWireDailyRow,
  toWireEvent,
  toWireMember,
  toWireSpend,
  type WireDailyRow,
} from './wire.js'

export interface RouteContext {
  data: CursorData
  nowMs: number
}

export function listMembers(ctx: RouteContext) {
  return { teamMembers: ctx.data.membersOn(dayOfEpochMs(ctx.nowMs)).map(toWireMember) }
}

/** Paged: users (not rows) are paged, every member with a row in range. Unpaged: only users
 *  active at least once in the range, with all their rows (vendor-apis.md §3.3). */
export function dailyUsageData(rawBody: unknown, ctx: RouteContext) {
  const body = asObject(rawBody)
  const period = readRange(body)
  const page = readPage(body, 100)
  const users = rowsByUser(period.startDate, period.endDate, ctx)
  if (!page) {
    const active = users.filter((rows) => rows.some((r) => r.isActive))
    return { data: active.flat(), period }
  }
  const { slice, pagination: p } = pageOf(users, page)
  // Same paging as the events endpoint, under this endpoint's documented field names.
  const pagination = { page: p.currentPage, pageSize: p.pageSize, totalUsers: users.length }
  const more = {
    totalPages: p.numPages,
    hasNextPage: p.hasNextPage,
    hasPreviousPage: p.hasPreviousPage,
  }
  return { data: slice.flat(), period, pagination: { ...pagination, ...more } }
}

export function filteredUsageEvents(rawBody: unknown, ctx: RouteContext) {
  const body = asObject(rawBody)
  const lastThirtyDays = () => ({ startDate: ctx.nowMs - 30 * DAY_MS, endDate: ctx.nowMs })
  const period = readRange(body, lastThirtyDays)
  const page = readPage(body, 10) ?? { page: 1, pageSize: 10 }
  const email = readString(body, 'email')?.toLowerCase()
  const userId = readUserId(body)
  const members = ctx.data.org.members
  const fromMs = Math.max(period.startDate, startOfDayMs(ctx.data.retentionStart(ctx.nowMs)))
  const events = ctx.data
    .eventsBetween(fromMs, period.endDate, ctx.nowMs)
    .filter((e) => email === undefined || members[e.memberIndex]!.email.toLowerCase() === email)
    .filter((e) => userId === undefined || members[e.memberIndex]!.id === userId)
    .reverse() // newest first, as the docs show
  const { slice, pagination } = pageOf(events, page)
  return {
    totalUsageEventsCount: events.length,
    pagination,
    usageEvents: slice.map((e) => toWireEvent(e, members[e.memberIndex]!.email)),
    period,
  }
}

export function teamSpend(rawBody: unknown, ctx: RouteContext) {
  const body = asObject(rawBody)
  const page = readPage(body, 50) ?? { page: 1, pageSize: 50 }
  const term = readString(body, 'searchTerm')?.toLowerCase()
  const sortBy = readChoice<SortBy>(body, 'sortBy', ['amount', 'date', 'user'], 'date')
  const direction = readChoice<SortDirection>(body, 'sortDirection', ['asc', 'desc'], 'desc')
  const snapshot = ctx.data.spendSnapshot(ctx.nowMs)
  const found = snapshot.members.filter((m) => term === undefined || matches(m, term))
  const sorted = found.sort(SORTS[sortBy])
  if (direction === 'desc') sorted.reverse()
  const { slice, pagination } = pageOf(sorted, page)
  return {
    teamMemberSpend: slice.map(toWireSpend),
    subscriptionCycleStart: snapshot.cycleStartMs,
    totalMembers: found.length,
    totalPages: pagination.numPages,
  }
}

/** Each member's rows in range (within retention, up to today), `date` = startDate + N × 24 h. */
function rowsByUser(startDate: number, endDate: number, ctx: RouteContext): WireDailyRow[][] {
  const firstDay = dayOfEpochMs(startDate)
  const from = maxDay(firstDay, ctx.data.retentionStart(ctx.nowMs))
  const to = minDay(dayOfEpochMs(endDate), dayOfEpochMs(ctx.nowMs))
  const users = new Map<string, WireDailyRow[]>(ctx.data.org.members.map((m) => [m.id, []]))
  const days = from <= to ? daysIn({ from, to }) : []
  for (const day of days) {
    const date = startDate + diffDays(firstDay, day) * DAY_MS
    for (const row of ctx.data.dailyRows(day, ctx.nowMs))
      users.get(row.userId)!.push(toWireDailyRow(row, date))
  }
  return [...users.values()].filter((rows) => rows.length > 0)
}

function pageOf<T>(items: readonly T[], { page, pageSize }: PageRequest) {
  const numPages = Math.ceil(items.length / pageSize)
  const slice = items.slice((page - 1) * pageSize, page * pageSize)
  const pagination = {
    numPages,
    currentPage: page,
    pageSize,
    hasNextPage: page < numPages,
    hasPreviousPage: page > 1,
  }
  return { slice, pagination }
}

function matches(entry: MemberSpend, term: string): boolean {
  return entry.member.name.toLowerCase().includes(term) || entry.member.email.includes(term)
}

const byEmail = (a: MemberSpend, b: MemberSpend) => (a.member.email < b.member.email ? -1 : 1)
const SORTS: Record<SortBy, (a: MemberSpend, b: MemberSpend) => number> = {
  amount: (a, b) => a.spendUnits - b.spendUnits || byEmail(a, b),
  date: (a, b) =>
    a.member.joinDay < b.member.joinDay
      ? -1
      : a.member.joinDay > b.member.joinDay
        ? 1
        : byEmail(a, b),
  user: (a, b) => a.member.name.localeCompare(b.member.name, 'en') || byEmail(a, b),
}

/** `userId` is documented as a number but ids are 'user_…' strings now: accept either. */
function readUserId(body: Record<string, unknown>): string | undefined {
  const value = body.userId
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new BadRequest('userId must be a number or a string')
}
