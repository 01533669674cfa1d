// Day arithmetic the simulators share on top of core/days.ts: the length of a UTC day in ms
// (for clocks and growth curves) and the weekday test every vendor's activity model uses,
// so weekends are quiet on the same days in every simulator.

import { daysIn, startOfDayMs, type Day } from '../../core/days.js'

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** Saturday or Sunday, UTC. */
export function isWeekend(day: Day): boolean {
  const weekday = new Date(startOfDayMs(day)).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** A value for every day of [from, to], in order: the truth APIs list empty days too. */
export function mapDays<T>(from: Day, to: Day, valueOf: (day: Day) => T): Map<Day, T> {
  return new Map(daysIn({ from, to }).map((day) => [day, valueOf(day)]))
}
