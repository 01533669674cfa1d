// Classifies each event as the billing system would: a seat's billed usage is "Included in
// Business" until that seat's included amount for the current cycle is used up, then every
// later event of the cycle is "Usage-based" (on-demand, chargeable). Classification runs over
// ALL events in timestamp order (not just the visible ones), so an event's kind never changes
// when a late event appears. Days are memoized; a day needs the state at its start, which is
// at most one cycle (≤ 31 days) of earlier days.

import { addDays, startOfDayMs, type Day } from '../../core/days.js'
import { cycleStartAt, nextCycleStartAt } from './cycle.js'
import { DAY_MS } from '../shared/days.js'
import { memberDayEvents, type RawEvent } from './events.js'
import type { CursorOrg } from './org.js'

export type EventKind =
  | 'Included in Business'
  | 'Usage-based'
  | 'Errored, Not Charged'
  | 'Aborted, Not Charged'
  | 'User API Key'
  | 'Free'

export interface CursorEvent extends RawEvent {
  kind: EventKind
  /** Model cost + token fee for billed events, else 0. */
  chargedUnits: number
  /** Only on-demand ("Usage-based") events are chargeable: they make up `spendCents`. */
  isChargeable: boolean
}

interface CycleState {
  cycleStartMs: number
  nextStartMs: number
  /** memberIndex → included units used so far in the cycle. */
  used: Map<number, number>
}

const NOT_BILLED: Record<Exclude<RawEvent['outcome'], 'billed'>, EventKind> = {
  errored: 'Errored, Not Charged',
  aborted: 'Aborted, Not Charged',
  byok: 'User API Key',
  'free-bugbot': 'Free',
}

export class EventLedger {
  private readonly days = new Map<Day, { events: CursorEvent[]; end: CycleState }>()

  constructor(private readonly org: CursorOrg) {}

  /** Every event of the UTC day (visible or not), sorted by (timestamp, member, seq). */
  events(day: Day): CursorEvent[] {
    return this.classify(day).events
  }

  private classify(day: Day): { events: CursorEvent[]; end: CycleState } {
    const cached = this.days.get(day)
    if (cached) return cached
    const state = this.stateAtStart(day)
    const result = this.fold(state, rawDayEvents(this.org, day))
    this.days.set(day, result)
    return result
  }

  /** Included usage per member in the cycle containing `day` 00:00Z, before that instant. */
  private stateAtStart(day: Day): CycleState {
    const dayStart = startOfDayMs(day)
    const empty = this.emptyState(dayStart)
    const { cycleStartMs } = empty
    if (day <= this.org.historyStart) return empty
    const previous = addDays(day, -1)
    if (cycleStartMs <= dayStart - DAY_MS) {
      const end = this.classify(previous).end
      return { ...end, used: new Map(end.used) }
    }
    // The cycle began during the previous day: only that day's later events count.
    const tail = rawDayEvents(this.org, previous).filter((e) => e.timestampMs >= cycleStartMs)
    return this.fold(empty, tail).end
  }

  private fold(start: CycleState, raw: RawEvent[]): { events: CursorEvent[]; end: CycleState } {
    let state = start
    const events = raw.map((event) => {
      const ts = event.timestampMs
      if (ts < state.cycleStartMs || ts >= state.nextStartMs) state = this.emptyState(ts)
      return this.classifyOne(event, state)
    })
    return { events, end: state }
  }

  private emptyState(ms: number): CycleState {
    const { cycle } = this.org
    return {
      cycleStartMs: cycleStartAt(cycle, ms),
      nextStartMs: nextCycleStartAt(cycle, ms),
      used: new Map(),
    }
  }

  /** Marks the (freshly generated, unshared) raw event in place: no copy per event. */
  private classifyOne(event: RawEvent, state: CycleState): CursorEvent {
    if (event.outcome !== 'billed') return mark(event, NOT_BILLED[event.outcome], 0, false)
    const charged = event.modelCostUnits + event.feeUnits
    const allowance = this.org.includedUnitsPerSeat
    const used = state.used.get(event.memberIndex) ?? 0
    if (used + charged <= allowance) {
      state.used.set(event.memberIndex, used + charged)
      return mark(event, 'Included in Business', charged, false)
    }
    // Once the allowance is exhausted the seat stays on-demand for the rest of the cycle.
    state.used.set(event.memberIndex, allowance)
    return mark(event, 'Usage-based', charged, true)
  }
}

function mark(
  event: RawEvent,
  kind: EventKind,
  chargedUnits: number,
  isChargeable: boolean,
): CursorEvent {
  return Object.assign(event, { kind, chargedUnits, isChargeable })
}

/** All members' raw events of a day, sorted by (timestamp, member, seq). */
export function rawDayEvents(org: CursorOrg, day: Day): RawEvent[] {
  return org.members
    .flatMap((member) => memberDayEvents(org, member, day))
    .sort((a, b) => a.timestampMs - b.timestampMs || a.memberIndex - b.memberIndex || a.seq - b.seq)
}
