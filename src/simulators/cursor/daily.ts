// One member's `/teams/daily-usage-data` row for one day. Request counters are counted from the
// same events `/teams/filtered-usage-events` serves (visible ones only); editor counters (tabs,
// lines, applies) are drawn per member-day and scaled by the day's aggregation progress, so
// today's and yesterday's rows still grow with `now`. Inactive rows have zero counters and
// usually no `clientVersion` at all, as observed on the real API.

import { startOfDayMs, type Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { HOUR_MS } from '../shared/days.js'
import { planMemberDay, type DayPlan } from './events.js'
import type { CursorEvent } from './ledger.js'
import type { CursorMember, CursorOrg, UsageProfile } from './org.js'

export interface DailyUsageRow {
  day: Day
  userId: string
  email: string
  isActive: boolean
  totalLinesAdded: number
  totalLinesDeleted: number
  acceptedLinesAdded: number
  acceptedLinesDeleted: number
  totalApplies: number
  totalAccepts: number
  totalRejects: number
  totalTabsShown: number
  totalTabsAccepted: number
  composerRequests: number
  chatRequests: number
  agentRequests: number
  cmdkUsages: number
  bugbotUsages: number
  subscriptionIncludedReqs: number
  usageBasedReqs: number
  apiKeyReqs: number
  mostUsedModel: string
  applyMostUsedExtension: string
  tabMostUsedExtension: string
  /** Absent (key omitted) on most inactive rows; null on a few. */
  clientVersion?: string | null
}

type EditorCounters = Pick<
  DailyUsageRow,
  | 'totalLinesAdded'
  | 'totalLinesDeleted'
  | 'acceptedLinesAdded'
  | 'acceptedLinesDeleted'
  | 'totalApplies'
  | 'totalAccepts'
  | 'totalRejects'
  | 'totalTabsShown'
  | 'totalTabsAccepted'
>

const TABS: Record<UsageProfile, [number, number]> = {
  heavy: [200, 800],
  regular: [50, 400],
  light: [5, 120],
  idle: [0, 0],
}

const NO_EDITS: EditorCounters = {
  totalLinesAdded: 0,
  totalLinesDeleted: 0,
  acceptedLinesAdded: 0,
  acceptedLinesDeleted: 0,
  totalApplies: 0,
  totalAccepts: 0,
  totalRejects: 0,
  totalTabsShown: 0,
  totalTabsAccepted: 0,
}

/** Share of a day's editor activity aggregated by `nowMs`, in ‰: 90 % during the day itself
 *  (by completed hours), the rest trickles in over the next day; final at D+2 00:00Z. */
export function progressPermille(day: Day, nowMs: number): number {
  const hours = Math.floor((nowMs - startOfDayMs(day)) / HOUR_MS)
  if (hours <= 0) return 0
  if (hours >= 48) return 1000
  return hours < 24 ? Math.floor((hours * 900) / 24) : 900 + Math.floor(((hours - 24) * 100) / 24)
}

/** `events`: the member's events of the day that are visible at `nowMs`. */
export function memberDayRow(
  org: CursorOrg,
  member: CursorMember,
  day: Day,
  events: readonly CursorEvent[],
  nowMs: number,
): DailyUsageRow {
  const rng = createRandom(hashSeed(`cursor:${org.seed}:${day}:${member.id}:daily`))
  const versionRoll = rng.next()
  const tabExtension = rng.pick(member.extensions)
  const full = drawEditorCounters(rng, member.profile, planMemberDay(org, member, day))
  const editor = scaleCounters(full, progressPermille(day, nowMs))
  const isActive = events.length > 0 || editor.totalTabsShown > 0 || editor.totalLinesAdded > 0
  return {
    day,
    userId: member.id,
    email: member.email,
    isActive,
    ...editor,
    ...countEvents(events),
    mostUsedModel: mostUsedModel(events),
    applyMostUsedExtension: editor.totalApplies > 0 ? member.extensions[0]! : '',
    tabMostUsedExtension: editor.totalTabsShown > 0 ? tabExtension : '',
    ...clientVersion(isActive, versionRoll, member.clientVersion),
  }
}

function drawEditorCounters(rng: Random, profile: UsageProfile, plan: DayPlan): EditorCounters {
  if (!plan.isActive) return NO_EDITS
  const totalTabsShown = rng.int(...TABS[profile])
  const totalTabsAccepted = Math.floor((totalTabsShown * rng.int(25, 60)) / 100)
  const totalApplies = plan.eventCount + rng.int(0, plan.eventCount)
  const totalAccepts = Math.floor((totalApplies * rng.int(70, 95)) / 100)
  const totalRejects = Math.max(0, totalApplies - totalAccepts - rng.int(0, 2))
  const acceptedLinesAdded = totalAccepts * rng.int(5, 40) + totalTabsAccepted * rng.int(1, 3)
  const acceptedLinesDeleted = Math.floor((acceptedLinesAdded * rng.int(20, 60)) / 100)
  return {
    totalLinesAdded: acceptedLinesAdded + rng.int(0, 400),
    totalLinesDeleted: acceptedLinesDeleted + rng.int(0, 200),
    acceptedLinesAdded,
    acceptedLinesDeleted,
    totalApplies,
    totalAccepts,
    totalRejects,
    totalTabsShown,
    totalTabsAccepted,
  }
}

/** floor(x·‰/1000) is monotone, so accepted ≤ total and accepts + rejects ≤ applies survive. */
function scaleCounters(full: EditorCounters, permille: number): EditorCounters {
  const scale = (n: number) => Math.floor((n * permille) / 1000)
  return {
    totalLinesAdded: scale(full.totalLinesAdded),
    totalLinesDeleted: scale(full.totalLinesDeleted),
    acceptedLinesAdded: scale(full.acceptedLinesAdded),
    acceptedLinesDeleted: scale(full.acceptedLinesDeleted),
    totalApplies: scale(full.totalApplies),
    totalAccepts: scale(full.totalAccepts),
    totalRejects: scale(full.totalRejects),
    totalTabsShown: scale(full.totalTabsShown),
    totalTabsAccepted: scale(full.totalTabsAccepted),
  }
}

function countEvents(events: readonly CursorEvent[]) {
  const count = (test: (e: CursorEvent) => boolean) => events.filter(test).length
  return {
    composerRequests: count((e) => e.feature === 'composer'),
    chatRequests: count((e) => e.feature === 'chat'),
    agentRequests: count((e) => e.feature === 'agent'),
    cmdkUsages: count((e) => e.feature === 'cmdk'),
    bugbotUsages: count((e) => e.feature === 'bugbot'),
    subscriptionIncludedReqs: count((e) => e.kind === 'Included in Business'),
    usageBasedReqs: count((e) => e.kind === 'Usage-based'),
    apiKeyReqs: count((e) => e.kind === 'User API Key'),
  }
}

function mostUsedModel(events: readonly CursorEvent[]): string {
  const counts = new Map<string, number>()
  for (const e of events) counts.set(e.model, (counts.get(e.model) ?? 0) + 1)
  let best = ''
  for (const [model, n] of counts) {
    const bestCount = counts.get(best) ?? 0
    if (n > bestCount || (n === bestCount && model < best)) best = model
  }
  return best
}

function clientVersion(isActive: boolean, roll: number, version: string) {
  if (isActive || roll >= 0.8) return { clientVersion: version }
  return roll < 0.7 ? {} : { clientVersion: null }
}
