// Copilot seat assignments as the seats and billing endpoints show them at a given `now`.
// `last_activity_at` is the holder's latest activity in the same facts the usage reports serve
// (never later than `now`), so seat activity and reports agree; idle holders stay null.

import { addDays, dayOf, startOfDayMs, type Day } from '../../core/days.js'
import { IDE_VERSIONS } from './catalog.js'
import type { GithubData } from './data.js'
import { isoSeconds } from './ids.js'
import type { CopilotSeatHolder, GithubOrg } from './org.js'
import { isSeatedAt } from './seat-timeline.js'

export interface LastActivity {
  atMs: number
  editor: string
}

/** Seats billed at `nowMs` (active or pending cancellation), oldest assignment first. */
export function seatHoldersAt(org: GithubOrg, nowMs: number): CopilotSeatHolder[] {
  return org.people
    .filter((p) => isSeatedAt(p.seat, nowMs))
    .sort((a, b) => a.seat.createdAtMs - b.seat.createdAtMs || a.id - b.id)
}

/** The latest activity at or before `nowMs`, scanning back to the seat's assignment. */
export function lastActivity(
  data: GithubData,
  holder: CopilotSeatHolder,
  nowMs: number,
): LastActivity | null {
  const firstDay = dayOf(new Date(holder.seat.createdAtMs))
  const stop: Day = firstDay > data.org.historyStart ? firstDay : data.org.historyStart
  for (let day = dayOf(new Date(nowMs)); day >= stop; day = addDays(day, -1)) {
    const facts = data.finalFacts(day).find((f) => f.login === holder.login)
    const atMs = facts ? startOfDayMs(day) + facts.lastActivityOffsetMs : Infinity
    if (facts && atMs <= nowMs)
      return { atMs, editor: editorString(facts.cells[0]?.ide ?? holder.primaryIde) }
  }
  return null
}

function editorString(ide: keyof typeof IDE_VERSIONS): string {
  const v = IDE_VERSIONS[ide]
  return `${ide}/${v.ide}/${v.plugin}/${v.pluginVersion}`
}

/** One entry of `seats[]`, shaped like GitHub's copilot-seat-details. */
export function seatJson(
  data: GithubData,
  holder: CopilotSeatHolder,
  nowMs: number,
): Record<string, unknown> {
  const activity = lastActivity(data, holder, nowMs)
  const { seat } = holder
  const pending = seat.cancelRequestedAtMs !== null && seat.cancelRequestedAtMs <= nowMs
  return {
    created_at: isoSeconds(seat.createdAtMs),
    assignee: assigneeJson(holder),
    assigning_team: holder.assignedViaTeam ? teamJson(holder) : null,
    pending_cancellation_date: pending ? seat.removedOn : null,
    last_activity_at: activity ? isoSeconds(activity.atMs) : null,
    last_activity_editor: activity ? activity.editor : null,
    // GitHub marks updated_at deprecated; it moves when a cancellation is requested.
    updated_at: isoSeconds(pending ? (seat.cancelRequestedAtMs as number) : seat.createdAtMs),
    last_authenticated_at: activity ? isoSeconds(activity.atMs - 1_800_000) : null,
    plan_type: data.org.planType,
  }
}

function assigneeJson(h: CopilotSeatHolder): Record<string, unknown> {
  return {
    login: h.login,
    id: h.id,
    node_id: h.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${h.id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${h.login}`,
    html_url: `https://github.com/${h.login}`,
    type: 'User',
    site_admin: false,
  }
}

function teamJson(h: CopilotSeatHolder): Record<string, unknown> {
  const t = h.team
  return {
    id: t.id,
    node_id: t.nodeId,
    name: t.name,
    slug: t.slug,
    description: `${t.name} team`,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    url: `https://api.github.com/teams/${t.id}`,
    html_url: `https://github.com/orgs/northwind-labs/teams/${t.slug}`,
    parent: null,
  }
}

/** GET /orgs/{org}/copilot/billing: the seat breakdown for the current monthly cycle. */
export function billingSummary(data: GithubData, nowMs: number): Record<string, unknown> {
  const holders = seatHoldersAt(data.org, nowMs)
  const cycleStart = startOfDayMs(`${dayOf(new Date(nowMs)).slice(0, 7)}-01`)
  const activeThisCycle = holders.filter(
    (h) => (lastActivity(data, h, nowMs)?.atMs ?? -1) >= cycleStart,
  )
  const pending = holders.filter(
    (h) => h.seat.cancelRequestedAtMs !== null && h.seat.cancelRequestedAtMs <= nowMs,
  )
  return {
    seat_breakdown: {
      total: holders.length,
      added_this_cycle: holders.filter((h) => h.seat.createdAtMs >= cycleStart).length,
      pending_invitation: 0,
      pending_cancellation: pending.length,
      active_this_cycle: activeThisCycle.length,
      inactive_this_cycle: holders.length - activeThisCycle.length,
    },
    seat_management_setting: 'assign_selected',
    ide_chat: 'enabled',
    platform_chat: 'enabled',
    cli: 'enabled',
    public_code_suggestions: 'block',
    plan_type: data.org.planType,
  }
}
