// UTC calendar days. Vendor buckets are UTC days, so a day D is always fetched as
// [D 00:00Z, D+1 00:00Z) and stored as the string 'YYYY-MM-DD'. Days are strings, not Dates,
// so no local time zone can ever shift them.

export type Day = string

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
const MS_PER_DAY = 86_400_000

export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)
}

export function parseDayOrThrow(value: string, what = 'day'): Day {
  if (!isDay(value)) throw new RangeError(`${what} must be a date as YYYY-MM-DD, got "${value}"`)
  return value
}

export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10)
}

/** The UTC day containing an epoch-millisecond instant. */
export function dayOfEpochMs(ms: number): Day {
  return dayOf(new Date(ms))
}

export function addDays(day: Day, n: number): Day {
  return dayOf(new Date(startOfDayMs(day) + n * MS_PER_DAY))
}

export function startOfDayMs(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`)
}

/** RFC 3339 midnight: '2026-01-02T00:00:00Z'. */
export function dayStartIso(day: Day): string {
  return `${day}T00:00:00Z`
}

export function diffDays(from: Day, to: Day): number {
  return Math.round((startOfDayMs(to) - startOfDayMs(from)) / MS_PER_DAY)
}

export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b
}

export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b
}

/** An inclusive range of UTC days. */
export interface DayRange {
  from: Day
  to: Day
}

export function daysIn(range: DayRange): Day[] {
  const days: Day[] = []
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d)
  return days
}

/** Splits an inclusive range into consecutive chunks of at most `size` days. */
export function chunkRange(range: DayRange, size: number): DayRange[] {
  if (size < 1) throw new RangeError('chunk size must be ≥ 1 day')
  const chunks: DayRange[] = []
  for (let from = range.from; from <= range.to; from = addDays(from, size)) {
    chunks.push({ from, to: minDay(addDays(from, size - 1), range.to) })
  }
  return chunks
}
