// Raw Cursor pages → canonical rows for members, daily usage and spend. People are keyed by
// lower-case email (the only identity every endpoint shares: events carry no user id). Daily
// rows are keyed by `day`, never by the `date` epoch, which keeps the request's time of day.
// Cents become exact dollar decimals here and nowhere else; the API's text is kept beside them.

import { cents, dollars, dollarsFromNumber, toDecimalString } from '../../core/money.js'
import { rawJson, type Cell, type Row } from '../../core/records.js'
import { parsePageOrThrow, type ParseWhere } from '../parse.js'
import type { NormalizeContext, RawPage, TableRows } from '../source.js'
import {
  dailyPageSchema,
  membersPageSchema,
  spendPageSchema,
  type CursorDailyRow,
  type CursorMember,
  type CursorSpendRow,
} from './payloads.js'

const MEMBERS: ParseWhere = { vendor: 'cursor', resource: 'members' }
const DAILY: ParseWhere = { vendor: 'cursor', resource: 'daily_usage' }
const SPEND: ParseWhere = { vendor: 'cursor', resource: 'spend' }

export const lowerEmail = (email: string): string => email.trim().toLowerCase()
/** Ids are numbers in one doc version and 'user_…' strings in another: stored as text. */
export const idText = (id: string | number | null | undefined): string | null =>
  id === null || id === undefined ? null : String(id)
/** The API sends "" for "none" (no model, no extension): stored as NULL. */
const blankToNull = (s: string | null | undefined): string | null => (s ? s : null)

type Amount = string | number
/** The amount as the API wrote it (a number's shortest round-trip text is what was sent). */
export const amountText = (v: Amount | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v)
export const usdOfCents = (v: Amount | null | undefined): string | null =>
  v === null || v === undefined ? null : toDecimalString(cents(v))
const usdOfDollars = (v: Amount | null | undefined): string | null =>
  v === null || v === undefined
    ? null
    : toDecimalString(typeof v === 'number' ? dollarsFromNumber(v) : dollars(v))

export function normalizeMembersPage(page: RawPage, ctx: NormalizeContext): TableRows {
  const body = parsePageOrThrow(membersPageSchema, page, MEMBERS)
  return { cursor_member_snapshots: body.teamMembers.map((m) => memberRow(m, ctx)) }
}

function memberRow(m: CursorMember, ctx: NormalizeContext): Row {
  return {
    captured_date: ctx.capturedAt.slice(0, 10),
    user_email: lowerEmail(m.email),
    captured_at: ctx.capturedAt,
    user_id: idText(m.id),
    name: m.name ?? null,
    role: m.role ?? null,
    is_removed: m.isRemoved ?? false,
    raw_json: rawJson(m),
  }
}

export function normalizeDailyPage(page: RawPage): TableRows {
  const body = parsePageOrThrow(dailyPageSchema, page, DAILY)
  return { cursor_daily_usage: body.data.map(dailyRow) }
}

const COUNTERS: ReadonlyArray<[string, keyof CursorDailyRow]> = [
  ['total_lines_added', 'totalLinesAdded'],
  ['total_lines_deleted', 'totalLinesDeleted'],
  ['accepted_lines_added', 'acceptedLinesAdded'],
  ['accepted_lines_deleted', 'acceptedLinesDeleted'],
  ['total_applies', 'totalApplies'],
  ['total_accepts', 'totalAccepts'],
  ['total_rejects', 'totalRejects'],
  ['total_tabs_shown', 'totalTabsShown'],
  ['total_tabs_accepted', 'totalTabsAccepted'],
  ['composer_requests', 'composerRequests'],
  ['chat_requests', 'chatRequests'],
  ['agent_requests', 'agentRequests'],
  ['cmdk_usages', 'cmdkUsages'],
  ['bugbot_usages', 'bugbotUsages'],
  ['subscription_included_reqs', 'subscriptionIncludedReqs'],
  ['usage_based_reqs', 'usageBasedReqs'],
  ['api_key_reqs', 'apiKeyReqs'],
]

function dailyRow(r: CursorDailyRow): Row {
  const counters: Record<string, Cell> = {}
  for (const [column, field] of COUNTERS) counters[column] = (r[field] as number | null) ?? null
  return {
    usage_date: r.day,
    user_email: lowerEmail(r.email),
    user_id: idText(r.userId),
    is_active: r.isActive,
    date_epoch_ms: r.date ?? null,
    ...counters,
    most_used_model: blankToNull(r.mostUsedModel),
    apply_most_used_extension: blankToNull(r.applyMostUsedExtension),
    tab_most_used_extension: blankToNull(r.tabMostUsedExtension),
    client_version: blankToNull(r.clientVersion),
    raw_json: rawJson(r),
  }
}

export function normalizeSpendPage(page: RawPage, ctx: NormalizeContext): TableRows {
  const body = parsePageOrThrow(spendPageSchema, page, SPEND)
  const cycleStart = new Date(body.subscriptionCycleStart).toISOString()
  return {
    cursor_spend_snapshots: body.teamMemberSpend.map((r) => spendRow(r, cycleStart, ctx)),
  }
}

function spendRow(r: CursorSpendRow, cycleStart: string, ctx: NormalizeContext): Row {
  return {
    captured_at: ctx.capturedAt,
    user_email: lowerEmail(r.email),
    captured_date: ctx.capturedAt.slice(0, 10),
    cycle_start: cycleStart,
    user_id: idText(r.userId),
    name: r.name ?? null,
    role: r.role ?? null,
    spend_cents: amountText(r.spendCents),
    overall_spend_cents: amountText(r.overallSpendCents),
    included_spend_cents: amountText(r.includedSpendCents),
    spend_usd: usdOfCents(r.spendCents),
    overall_spend_usd: usdOfCents(r.overallSpendCents),
    included_spend_usd: usdOfCents(r.includedSpendCents),
    fast_premium_requests: r.fastPremiumRequests ?? null,
    hard_limit_override_usd: usdOfDollars(r.hardLimitOverrideDollars),
    monthly_limit_usd: usdOfDollars(r.monthlyLimitDollars),
    raw_json: rawJson(r),
  }
}
