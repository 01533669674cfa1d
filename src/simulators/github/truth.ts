// Ground truth for tests and the demo, computed by the same functions that build the served
// payloads, at the simulator's current `now` (truth = what a complete read returns right now).
// Money is exact (bigint nano-dollars); a day without premium spend is present with zero.

import type { Day } from '../../core/days.js'
import { mapDays } from '../shared/days.js'
import { ZERO, type Money } from '../../core/money.js'
import { amountOf, premiumLinesBetween } from './billing.js'
import type { GithubData } from './data.js'
import type { GithubOrg } from './org.js'
import { dailyAggregate, userRecord, type Json, type ReportScope } from './report-payloads.js'
import { reportWindow } from './report-files.js'
import { seatHoldersAt, seatJson } from './seats.js'

export interface GithubTruth {
  /** The synthetic org: seat holders with login, id, email (null for contractors), team, seat. */
  org: GithubOrg
  /** The organization-1-day document for `day`, or undefined when no report exists for it now. */
  orgReport(day: Day): Json | undefined
  /** The users-1-day lines for `day` (every file, in order); [] when no report exists. */
  userReport(day: Day): Json[]
  /** `seats[]` as the seat list serves them now, in order. */
  seats(): Json[]
  /** Net premium-request cost per day (every day of the range, zero included). */
  premiumCostByDay(from: Day, to: Day): Map<Day, Money>
  /** Net premium-request cost per day per login (only logins with premium lines that day). */
  premiumCostByDayAndUser(from: Day, to: Day): Map<Day, Map<string, Money>>
  /** Logins in each day's users report (sorted); [] for days without a report. */
  activeUsersByDay(from: Day, to: Day): Map<Day, string[]>
}

export function createGithubTruth(data: GithubData, nowMs: () => number): GithubTruth {
  const scope: ReportScope = { kind: 'organization', id: data.org.id }
  const hasReport = (day: Day, now: number) => {
    const { first, last } = reportWindow(now)
    return day >= first && day <= last
  }
  return {
    org: data.org,
    orgReport: (day) =>
      hasReport(day, nowMs()) ? dailyAggregate(data, day, nowMs(), scope) : undefined,
    userReport: (day) =>
      hasReport(day, nowMs())
        ? data.visibleFacts(day, nowMs()).map((f) => userRecord(data, f, scope))
        : [],
    seats: () => seatHoldersAt(data.org, nowMs()).map((h) => seatJson(data, h, nowMs())),
    premiumCostByDay: (from, to) => {
      const out = mapDays<Money>(from, to, () => ZERO)
      for (const l of premiumLinesBetween(data, from, to, nowMs())) {
        out.set(
          l.day,
          ((out.get(l.day) ?? ZERO) + amountOf(l.grossCenti - l.discountCenti)) as Money,
        )
      }
      return out
    },
    premiumCostByDayAndUser: (from, to) => {
      const out = mapDays(from, to, () => new Map<string, Money>())
      for (const l of premiumLinesBetween(data, from, to, nowMs())) {
        const perUser = out.get(l.day) as Map<string, Money>
        perUser.set(
          l.login,
          ((perUser.get(l.login) ?? ZERO) + amountOf(l.grossCenti - l.discountCenti)) as Money,
        )
      }
      return out
    },
    activeUsersByDay: (from, to) =>
      mapDays(from, to, (d) =>
        hasReport(d, nowMs()) ? data.visibleFacts(d, nowMs()).map((f) => f.login) : [],
      ),
  }
}
