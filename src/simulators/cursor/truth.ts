// Ground truth for tests and the demo, read from the same facts the API serves, at the
// simulator's current `now`, and ignoring the retention window (the truth keeps history the API
// no longer serves). Money is exact bigint nano-dollars. "Charged" means on-demand: the sum of
// `chargedCents` over chargeable ("Usage-based") events, which is what `/teams/spend` reports as
// `spendCents`; included usage is inside the seat price and is reported as `overall − spend`.

import type { Money } from '../../core/money.js'
import { dayOfEpochMs, daysIn, type Day } from '../../core/days.js'
import { mapDays } from '../shared/days.js'
import { cycleStartAt } from './cycle.js'
import type { CursorData } from './data.js'
import type { DailyUsageRow } from './daily.js'
import type { EventKind } from './ledger.js'
import type { TokenCounts } from './models.js'
import type { CursorRole } from './org.js'
import { unitsToMoney } from './units.js'

export interface TruthMember {
  userId: string
  name: string
  email: string
  role: CursorRole
  joinDay: Day
  removedDay?: Day
}

export interface TruthMemberSpend {
  userId: string
  name: string
  email: string
  role: CursorRole
  spend: Money
  overall: Money
  included: Money
  fastPremiumRequests: number
  hardLimitOverrideDollars: number
  monthlyLimitDollars: number | null
}

export interface TruthSpendSnapshot {
  /** Epoch ms, as `subscriptionCycleStart`. */
  cycleStart: number
  members: TruthMemberSpend[]
}

export interface TruthEvent {
  timestampMs: number
  day: Day
  email: string
  model: string
  kind: EventKind
  isChargeable: boolean
  charged: Money
  modelCost: Money
  tokenFee: Money
  tokens: TokenCounts | null
}

export interface CursorTruth {
  /** On-demand charges per UTC day (every day in range, zero included). */
  chargedByDay(from: Day, to: Day): Map<Day, Money>
  /** On-demand charges per UTC day per email (only people charged that day). */
  chargedByDayAndPerson(from: Day, to: Day): Map<Day, Map<string, Money>>
  /** Exactly what `/teams/spend` returns now (all pages). */
  spendSnapshot(): TruthSpendSnapshot
  cycleStart(): number
  /** Members on the team on `day` (default: today), as `/teams/members` lists them. */
  members(day?: Day): TruthMember[]
  /** Everyone who was ever on the team, with join and removal days. */
  roster(): TruthMember[]
  /** The dense rows of `day` (all members on the team that day), without `date`. */
  dailyUsage(day: Day): DailyUsageRow[]
  eventCount(from: Day, to: Day): number
  events(from: Day, to: Day): TruthEvent[]
  /** First day the API still serves (earlier days come back empty). */
  retentionStart(): Day
  /** First day with data. */
  historyStart(): Day
}

export function createCursorTruth(data: CursorData, now: () => Date): CursorTruth {
  const nowMs = () => now().getTime()
  const events = (from: Day, to: Day) =>
    daysIn({ from, to }).flatMap((day) => data.visibleEvents(day, nowMs()))
  const members = data.org.members
  return {
    chargedByDay: (from, to) =>
      mapDays(from, to, (day) => unitsToMoney(chargedUnits(data.visibleEvents(day, nowMs())))),
    chargedByDayAndPerson: (from, to) =>
      mapDays(from, to, (day) => chargedByEmail(data, data.visibleEvents(day, nowMs()))),
    spendSnapshot: () => toTruthSnapshot(data, nowMs()),
    cycleStart: () => cycleStartAt(data.org.cycle, nowMs()),
    members: (day) => data.membersOn(day ?? dayOfEpochMs(nowMs())).map(toTruthMember),
    roster: () => members.map(toTruthMember),
    dailyUsage: (day) => data.dailyRows(day, nowMs()),
    eventCount: (from, to) => events(from, to).length,
    events: (from, to) =>
      events(from, to).map((e) => toTruthEvent(e, members[e.memberIndex]!.email)),
    retentionStart: () => data.retentionStart(nowMs()),
    historyStart: () => data.org.historyStart,
  }
}

type Event = ReturnType<CursorData['visibleEvents']>[number]

function chargedUnits(events: readonly Event[]): number {
  return events.reduce((sum, e) => sum + (e.isChargeable ? e.chargedUnits : 0), 0)
}

function chargedByEmail(data: CursorData, events: readonly Event[]): Map<string, Money> {
  const units = new Map<string, number>()
  for (const e of events.filter((x) => x.isChargeable)) {
    const email = data.org.members[e.memberIndex]!.email
    units.set(email, (units.get(email) ?? 0) + e.chargedUnits)
  }
  return new Map([...units].map(([email, u]) => [email, unitsToMoney(u)]))
}

function toTruthSnapshot(data: CursorData, nowMs: number): TruthSpendSnapshot {
  const snapshot = data.spendSnapshot(nowMs)
  return {
    cycleStart: snapshot.cycleStartMs,
    members: snapshot.members.map(({ member, ...s }) => ({
      userId: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      spend: unitsToMoney(s.spendUnits),
      overall: unitsToMoney(s.overallUnits),
      included: unitsToMoney(s.includedUnits),
      fastPremiumRequests: s.fastPremiumRequests,
      hardLimitOverrideDollars: member.hardLimitOverrideDollars,
      monthlyLimitDollars: member.monthlyLimitDollars,
    })),
  }
}

function toTruthMember(m: CursorData['org']['members'][number]): TruthMember {
  const base = { userId: m.id, name: m.name, email: m.email, role: m.role, joinDay: m.joinDay }
  return m.removedDay === undefined ? base : { ...base, removedDay: m.removedDay }
}

function toTruthEvent(e: Event, email: string): TruthEvent {
  return {
    timestampMs: e.timestampMs,
    day: dayOfEpochMs(e.timestampMs),
    email,
    model: e.model,
    kind: e.kind,
    isChargeable: e.isChargeable,
    charged: unitsToMoney(e.chargedUnits),
    modelCost: unitsToMoney(e.modelCostUnits),
    tokenFee: unitsToMoney(e.feeUnits),
    tokens: e.tokens,
  }
}
