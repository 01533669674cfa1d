// Day arithmetic the simulators share on top of core/days.ts: the length of a UTC day in ms
// (for clocks and growth curves) and the weekday test every vendor's activity model uses,
// so weekends are quiet on the same days in every simulator.

import { startOfDayMs, type Day } from '../../core/days.js'

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** Saturday or Sunday, UTC. */
export function isWeekend(day: Day): boolean {
  const weekday = new Date(startOfDayMs(day)).getUTCDay()
  return weekday === 0 || weekday === 6
}
