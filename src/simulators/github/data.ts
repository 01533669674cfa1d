// Per-day facts of the simulated org, and how much of them is visible at a given `now`.
// Final facts are memoized per day (they never depend on `now`); what the API serves for a
// recent day is the final facts scaled by a completeness that grows until D+2 days UTC, so a
// second pull of yesterday's report differs, and truth (computed from the same function) follows.

import { addDays, startOfDayMs, type Day } from '../../core/days.js'
import { DAY_MS } from '../shared/days.js'
import { createMemo } from '../shared/memo.js'
import { userDayFacts, type ActivityCell, type CliTotals, type UserDayFacts } from './activity.js'
import type { CopilotSeatHolder, GithubOrg } from './org.js'

export interface GithubData {
  org: GithubOrg
  /** Final activity on `day` (every seated, active holder), sorted by login. */
  finalFacts(day: Day): UserDayFacts[]
  /** What is visible of `day` at `nowMs`: counters scaled by completeness; [] before the day. */
  visibleFacts(day: Day, nowMs: number): UserDayFacts[]
  /** Logins active on any day of [from, to] (presence does not depend on completeness). */
  activeLogins(from: Day, to: Day, filter?: (facts: UserDayFacts) => boolean): Set<string>
  holder(login: string): CopilotSeatHolder | undefined
}

/**
 * Thousandths of day D's final numbers visible at `nowMs`: 0 before D, growing to 900 by the end
 * of D, to 1000 at D+2 days (late telemetry keeps trickling in for a day).
 */
export function completenessPermille(day: Day, nowMs: number): number {
  const elapsed = nowMs - startOfDayMs(day)
  if (elapsed <= 0) return 0
  if (elapsed >= 2 * DAY_MS) return 1000
  if (elapsed < DAY_MS) return Math.floor((elapsed / DAY_MS) * 900)
  return 900 + Math.floor(((elapsed - DAY_MS) / DAY_MS) * 100)
}

export function createGithubData(org: GithubOrg): GithubData {
  const memo = createMemo<Day>()
  const byLogin = new Map(org.people.map((p) => [p.login, p]))
  const finalFacts = (day: Day): UserDayFacts[] => {
    return memo(day, () => (day < org.historyStart ? [] : factsOn(org, day)))
  }
  return {
    org,
    finalFacts,
    visibleFacts: (day, nowMs) => scaleAll(finalFacts(day), completenessPermille(day, nowMs)),
    activeLogins: (from, to, filter) => {
      const logins = new Set<string>()
      for (let d = from; d <= to; d = addDays(d, 1)) {
        for (const f of finalFacts(d)) if (!filter || filter(f)) logins.add(f.login)
      }
      return logins
    },
    holder: (login) => byLogin.get(login),
  }
}

function factsOn(org: GithubOrg, day: Day): UserDayFacts[] {
  const facts: UserDayFacts[] = []
  for (const holder of org.people) {
    const f = userDayFacts(org.seed, holder, day)
    if (f) facts.push(f)
  }
  return facts.sort((a, b) => (a.login < b.login ? -1 : a.login > b.login ? 1 : 0))
}

function scaleAll(facts: UserDayFacts[], permille: number): UserDayFacts[] {
  if (permille === 0) return []
  if (permille === 1000) return facts
  return facts.map((f) => ({
    ...f,
    cells: f.cells.map((c) => scaleCell(c, permille)),
    cli: scaleCli(f.cli, permille),
  }))
}

/** floor(n × p / 1000): monotonic, so acceptances never exceed generations after scaling. */
export function scaleCount(n: number, permille: number): number {
  return Math.floor((n * permille) / 1000)
}

function scaleCell(c: ActivityCell, p: number): ActivityCell {
  return {
    ...c,
    interactions: scaleCount(c.interactions, p),
    generations: scaleCount(c.generations, p),
    acceptances: scaleCount(c.acceptances, p),
    locSuggestedAdd: scaleCount(c.locSuggestedAdd, p),
    locSuggestedDelete: scaleCount(c.locSuggestedDelete, p),
    locAdded: scaleCount(c.locAdded, p),
    locDeleted: scaleCount(c.locDeleted, p),
  }
}

function scaleCli(cli: CliTotals | null, p: number): CliTotals | null {
  if (!cli) return null
  return {
    sessions: Math.max(1, scaleCount(cli.sessions, p)),
    requests: scaleCount(cli.requests, p),
    prompts: scaleCount(cli.prompts, p),
    promptTokens: scaleCount(cli.promptTokens, p),
    outputTokens: scaleCount(cli.outputTokens, p),
  }
}
