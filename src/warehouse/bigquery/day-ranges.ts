// Day-range arithmetic for the commit's partition filters: the days a flush touches become
// as few `BETWEEN` ranges as possible (a 365-day backfill of 12 chunks is one range), and a
// load's window minus later loads' windows says which of its staged days still count.

import { addDays, type Day, type DayRange } from '../../core/days.js'

/** Sorted, overlapping or adjacent ranges merged. */
export function coalesceRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const out: DayRange[] = []
  for (const range of sorted) {
    const last = out.at(-1)
    if (last && addDays(last.to, 1) >= range.from) {
      if (range.to > last.to) last.to = range.to
    } else out.push({ from: range.from, to: range.to })
  }
  return out
}

/** Distinct days as coalesced ranges. */
export function rangesOfDays(days: Iterable<Day>): DayRange[] {
  return coalesceRanges([...new Set(days)].map((d) => ({ from: d, to: d })))
}

/** `range` minus every range in `covered`. */
export function subtractRanges(range: DayRange, covered: readonly DayRange[]): DayRange[] {
  let rest: DayRange[] = [{ ...range }]
  for (const cut of coalesceRanges(covered)) {
    rest = rest.flatMap((r) => {
      if (cut.to < r.from || cut.from > r.to) return [r]
      const parts: DayRange[] = []
      if (cut.from > r.from) parts.push({ from: r.from, to: addDays(cut.from, -1) })
      if (cut.to < r.to) parts.push({ from: addDays(cut.to, 1), to: r.to })
      return parts
    })
  }
  return rest
}

/** At most `max` ranges: beyond that, one range from the first day to the last. */
export function capRanges(ranges: DayRange[], max: number): DayRange[] {
  if (ranges.length <= max || ranges.length === 0) return ranges
  return [{ from: ranges[0]!.from, to: ranges.at(-1)!.to }]
}
