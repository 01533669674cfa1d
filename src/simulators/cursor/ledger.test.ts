import { describe, expect, it } from 'vitest'
import { daysIn } from '../../core/days.js'
import { cycleStartAt } from './cycle.js'
import { EventLedger, type CursorEvent } from './ledger.js'
import { buildCursorOrg } from './org.js'

const org = buildCursorOrg(42, '2026-03-10', 400)
const FROM = '2026-01-01'
const TO = '2026-03-09'

function eventsOf(ledger: EventLedger, from = FROM, to = TO): CursorEvent[] {
  return daysIn({ from, to }).flatMap((day) => ledger.events(day))
}

describe('classifying events against the included allowance', () => {
  const events = eventsOf(new EventLedger(org))

  it('is Included until the seat allowance is used, then Usage-based for the rest of the cycle', () => {
    const byMemberCycle = new Map<string, CursorEvent[]>()
    for (const e of events.filter((x) => x.outcome === 'billed')) {
      const key = `${e.memberIndex}|${cycleStartAt(org.cycle, e.timestampMs)}`
      byMemberCycle.set(key, [...(byMemberCycle.get(key) ?? []), e])
    }
    let overflowing = 0
    for (const list of byMemberCycle.values()) {
      const firstOnDemand = list.findIndex((e) => e.kind === 'Usage-based')
      const included = firstOnDemand === -1 ? list : list.slice(0, firstOnDemand)
      expect(included.every((e) => e.kind === 'Included in Business')).toBe(true)
      expect(included.reduce((n, e) => n + e.chargedUnits, 0)).toBeLessThanOrEqual(
        org.includedUnitsPerSeat,
      )
      if (firstOnDemand === -1) continue
      overflowing += 1
      expect(list.slice(firstOnDemand).every((e) => e.kind === 'Usage-based')).toBe(true)
    }
    expect(overflowing).toBeGreaterThan(5)
    expect(overflowing).toBeLessThan(byMemberCycle.size)
  })

  it('does not depend on the order days are first asked for', () => {
    const kinds = (list: CursorEvent[]) => list.map((e) => `${e.kind}|${e.chargedUnits}`)
    const backwards = new EventLedger(org)
    const days = daysIn({ from: FROM, to: TO })
    const reversed = [...days].reverse().map((day) => backwards.events(day))
    expect(kinds(reversed.reverse().flat())).toEqual(kinds(events))
    const direct = new EventLedger(org).events(TO)
    expect(kinds(direct)).toEqual(kinds(events.filter((e) => e.timestampMs >= Date.parse(TO))))
  })

  it('charges nothing for errored, aborted, own-key and free Bugbot events', () => {
    const unbilled = events.filter((e) => e.outcome !== 'billed')
    expect(unbilled.length).toBeGreaterThan(0)
    expect(unbilled.every((e) => e.chargedUnits === 0 && !e.isChargeable)).toBe(true)
  })
})
