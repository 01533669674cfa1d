// The simulator's facts, computed once per (day, now) from the seeded org: visible events,
// dense daily rows, the spend snapshot and the retention window. The HTTP routes and the truth
// API both read from here, so what is served and what is "true" cannot come from two formulas.
// Retention is applied by the routes only: the truth keeps history the API no longer serves.

import { addDays, dayOfEpochMs, daysIn, startOfDayMs, type Day } from '../../core/days.js'
import { cycleStartAt } from './cycle.js'
import { memberDayRow, type DailyUsageRow } from './daily.js'
import { EventLedger, type CursorEvent } from './ledger.js'
import { isMemberOn, type CursorMember, type CursorOrg } from './org.js'

export interface MemberSpend {
  member: CursorMember
  /** On-demand (Usage-based) charges this cycle, 1e-5 cent units: `spendCents`. */
  spendUnits: number
  /** On-demand + included: `overallSpendCents`. */
  overallUnits: number
  /** `includedSpendCents` (the older field): overall − on-demand. */
  includedUnits: number
  /** Legacy request-pricing counter: billed request-based calls this cycle. */
  fastPremiumRequests: number
}

export interface SpendSnapshot {
  cycleStartMs: number
  /** Current members only (removed seats leave the spend list with the team). */
  members: MemberSpend[]
}

export class CursorData {
  private readonly ledger: EventLedger

  constructor(
    readonly org: CursorOrg,
    private readonly retentionDays: number,
  ) {
    this.ledger = new EventLedger(org)
  }

  /** The first day the API still serves; earlier days come back empty. */
  retentionStart(nowMs: number): Day {
    return addDays(dayOfEpochMs(nowMs), -this.retentionDays)
  }

  membersOn(day: Day): CursorMember[] {
    return this.org.members.filter((m) => isMemberOn(m, day))
  }

  /** The day's events already aggregated at `nowMs`, sorted by (timestamp, member, seq). */
  visibleEvents(day: Day, nowMs: number): CursorEvent[] {
    if (startOfDayMs(day) > nowMs) return []
    return this.ledger.events(day).filter((e) => e.availableAtMs <= nowMs)
  }

  /** Visible events with fromMs ≤ timestamp ≤ toMs. */
  eventsBetween(fromMs: number, toMs: number, nowMs: number): CursorEvent[] {
    if (toMs < fromMs) return []
    const days = daysIn({ from: dayOfEpochMs(fromMs), to: dayOfEpochMs(toMs) })
    return days.flatMap((day) =>
      this.visibleEvents(day, nowMs).filter(
        (e) => e.timestampMs >= fromMs && e.timestampMs <= toMs,
      ),
    )
  }

  /** Dense rows: one per member on the team that day, active or not; none after today. */
  dailyRows(day: Day, nowMs: number): DailyUsageRow[] {
    if (day > dayOfEpochMs(nowMs)) return []
    const byMember = groupByMember(this.visibleEvents(day, nowMs))
    return this.membersOn(day).map((member) =>
      memberDayRow(this.org, member, day, byMember.get(member.index) ?? [], nowMs),
    )
  }

  spendSnapshot(nowMs: number): SpendSnapshot {
    const cycleStartMs = cycleStartAt(this.org.cycle, nowMs)
    const members = this.membersOn(dayOfEpochMs(nowMs)).map((member) => ({
      member,
      spendUnits: 0,
      overallUnits: 0,
      includedUnits: 0,
      fastPremiumRequests: 0,
    }))
    const byIndex = new Map(members.map((m) => [m.member.index, m]))
    for (const event of this.eventsBetween(cycleStartMs, nowMs, nowMs)) {
      const entry = byIndex.get(event.memberIndex)
      if (!entry) continue
      entry.overallUnits += event.chargedUnits
      if (event.isChargeable) entry.spendUnits += event.chargedUnits
      if (event.outcome === 'billed' && event.tokens === null) entry.fastPremiumRequests += 1
    }
    for (const m of members) m.includedUnits = m.overallUnits - m.spendUnits
    return { cycleStartMs, members }
  }
}

function groupByMember(events: readonly CursorEvent[]): Map<number, CursorEvent[]> {
  const groups = new Map<number, CursorEvent[]>()
  for (const event of events) {
    const list = groups.get(event.memberIndex) ?? []
    list.push(event)
    groups.set(event.memberIndex, list)
  }
  return groups
}
