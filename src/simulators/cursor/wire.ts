// The JSON shapes the Cursor Admin API sends, built from the simulator's facts. Field names
// and types follow the current docs: ids are encoded 'user_…' strings, `timestamp` is epoch ms
// as a STRING, cents are JSON numbers with up to 5 decimals, `tokenUsage` only on token-based
// calls and `cursorTokenFee` only where the fee applied.

import type { DailyUsageRow } from './daily.js'
import type { MemberSpend } from './data.js'
import type { CursorEvent } from './ledger.js'
import type { CursorMember } from './org.js'
import { centsNumber } from './units.js'

export interface WireMember {
  id: string
  name: string
  email: string
  role: string
  isRemoved: boolean
}

export type WireDailyRow = { date: number } & DailyUsageRow

export function toWireMember(member: CursorMember): WireMember {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    isRemoved: false,
  }
}

/** `date` is the request's startDate + N × 24 h, not midnight: it keeps the request's time of day. */
export function toWireDailyRow(row: DailyUsageRow, dateMs: number): WireDailyRow {
  return { date: dateMs, ...row }
}

export function toWireSpend(entry: MemberSpend) {
  const { member } = entry
  return {
    userId: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    spendCents: centsNumber(entry.spendUnits),
    overallSpendCents: centsNumber(entry.overallUnits),
    includedSpendCents: centsNumber(entry.includedUnits),
    fastPremiumRequests: entry.fastPremiumRequests,
    hardLimitOverrideDollars: member.hardLimitOverrideDollars,
    monthlyLimitDollars: member.monthlyLimitDollars,
  }
}

export function toWireEvent(event: CursorEvent, email: string) {
  return {
    timestamp: String(event.timestampMs),
    userEmail: email,
    model: event.model,
    kind: event.kind,
    maxMode: event.maxMode,
    requestsCosts: event.requestTenths / 10,
    isTokenBasedCall: event.tokens !== null,
    isChargeable: event.isChargeable,
    isHeadless: event.isHeadless,
    ...tokenUsage(event),
    chargedCents: centsNumber(event.chargedUnits),
    ...(event.feeUnits > 0 ? { cursorTokenFee: centsNumber(event.feeUnits) } : {}),
    isFreeBugbot: event.outcome === 'free-bugbot',
  }
}

export type WireEvent = ReturnType<typeof toWireEvent>

function tokenUsage(event: CursorEvent) {
  if (event.tokens === null) return {}
  const { input, output, cacheWrite, cacheRead } = event.tokens
  return {
    tokenUsage: {
      inputTokens: input,
      outputTokens: output,
      cacheWriteTokens: cacheWrite,
      cacheReadTokens: cacheRead,
      totalCents: centsNumber(event.modelCostUnits),
    },
  }
}
