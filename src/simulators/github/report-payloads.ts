// The documents behind the download links: the daily aggregate (org or enterprise, one JSON
// object), per-user records (one NDJSON line each) and user↔team lines. Field names follow
// GitHub's usage-metrics example schema; `totals_by_cli` appears on a user line only when the
// user used the CLI (absent, not zeros), and active-user windows count presence, not volume.

import { addDays, startOfDayMs, type Day } from '../../core/days.js'
import { createRandom, hashSeed } from '../shared/random.js'
import type { UserDayFacts } from './activity.js'
import { IDE_VERSIONS, type Ide } from './catalog.js'
import { scaleCount, completenessPermille, type GithubData } from './data.js'
import { isoSeconds } from './ids.js'
import { breakdowns, cliBlock, sumCounters } from './report-totals.js'
import { isSeatedOn } from './seat-timeline.js'

export type ReportScope = { kind: 'organization' | 'enterprise'; id: number }

export type Json = Record<string, unknown>

function scopeField(scope: ReportScope): Json {
  return scope.kind === 'organization'
    ? { organization_id: String(scope.id) }
    : { enterprise_id: String(scope.id) }
}

export const usedChat = (f: UserDayFacts) =>
  f.cells.some((c) => c.feature.startsWith('chat_') && c.interactions > 0)
export const usedAgent = (f: UserDayFacts) =>
  f.cells.some((c) => c.feature === 'chat_panel_agent_mode' || c.feature === 'agent_edit')

/** One user's line in the users-1-day / users-28-day NDJSON. */
export function userRecord(data: GithubData, f: UserDayFacts, scope: ReportScope): Json {
  const holder = data.holder(f.login)
  const sampledAt = new Date(startOfDayMs(f.day) + f.lastActivityOffsetMs).toISOString()
  const totals = breakdowns(f.cells)
  return {
    user_id: holder?.id ?? 0,
    user_login: f.login,
    day: f.day,
    ...scopeField(scope),
    ...sumCounters(f.cells),
    ...totals,
    totals_by_ide: totals.totals_by_ide.map((row) => withVersions(row, sampledAt)),
    ...(f.cli ? { totals_by_cli: cliBlock([f.cli]) } : {}),
    used_agent: usedAgent(f),
    used_chat: usedChat(f),
    used_cli: f.cli !== null,
    used_copilot_code_review_active: f.usedCodeReviewActive,
    used_copilot_code_review_passive: f.usedCodeReviewPassive,
    used_copilot_coding_agent: f.usedCodingAgent,
  }
}

function withVersions(row: Json & { ide?: string }, sampledAt: string): Json {
  const v = IDE_VERSIONS[row.ide as Ide]
  return {
    ...row,
    last_known_ide_version: { ide_version: v.ide, sampled_at: sampledAt },
    last_known_plugin_version: {
      plugin: v.plugin,
      plugin_version: v.pluginVersion,
      sampled_at: sampledAt,
    },
  }
}

/** The org/enterprise aggregate for `day` as visible at `nowMs` (the org-1-day document). */
export function dailyAggregate(
  data: GithubData,
  day: Day,
  nowMs: number,
  scope: ReportScope,
): Json {
  const facts = data.visibleFacts(day, nowMs)
  const cells = facts.flatMap((f) => f.cells)
  const window = (days: number, filter?: (f: UserDayFacts) => boolean) =>
    data.activeLogins(addDays(day, -(days - 1)), day, filter).size
  const cloudAgent = (f: UserDayFacts) => f.usedCodingAgent
  return {
    day,
    ...scopeField(scope),
    daily_active_users: facts.length,
    weekly_active_users: window(7),
    monthly_active_users: window(28),
    monthly_active_chat_users: window(28, usedChat),
    monthly_active_agent_users: window(28, usedAgent),
    daily_active_cli_users: facts.filter((f) => f.cli !== null).length,
    daily_active_copilot_cloud_agent_users: facts.filter(cloudAgent).length,
    weekly_active_copilot_cloud_agent_users: window(7, cloudAgent),
    monthly_active_copilot_cloud_agent_users: window(28, cloudAgent),
    daily_active_copilot_code_review_users: facts.filter((f) => f.usedCodeReviewActive).length,
    daily_passive_copilot_code_review_users: facts.filter((f) => f.usedCodeReviewPassive).length,
    ...sumCounters(cells),
    ...breakdowns(cells),
    totals_by_cli: cliBlock(facts.flatMap((f) => (f.cli ? [f.cli] : []))),
    pull_requests: pullRequests(data, day, nowMs, facts),
  }
}

/** Org pull-request activity; Copilot-authored PRs come from coding-agent users. */
function pullRequests(data: GithubData, day: Day, nowMs: number, facts: UserDayFacts[]): Json {
  const rng = createRandom(hashSeed(`${data.org.seed}:copilot-prs:${day}`))
  const p = completenessPermille(day, nowMs)
  const created = scaleCount(facts.length * rng.int(1, 3), p)
  const byCopilot = scaleCount(facts.filter((f) => f.usedCodingAgent).length * rng.int(1, 2), p)
  const reviewedByCopilot = scaleCount(facts.filter((f) => f.usedCodeReviewActive).length * 2, p)
  const suggestions = reviewedByCopilot * rng.int(2, 5)
  return {
    total_created: created + byCopilot,
    total_reviewed: scaleCount(Math.round(created * 1.4), p),
    total_merged: scaleCount(Math.round(created * 0.8), p),
    median_minutes_to_merge: created === 0 ? 0 : rng.int(300, 4_000) / 10,
    total_created_by_copilot: byCopilot,
    total_reviewed_by_copilot: reviewedByCopilot,
    total_merged_created_by_copilot: Math.floor(byCopilot * 0.7),
    total_suggestions: suggestions + created,
    total_applied_suggestions: Math.floor((suggestions + created) * 0.4),
    total_copilot_suggestions: suggestions,
    total_copilot_applied_suggestions: Math.floor(suggestions * 0.35),
  }
}

/** user-teams-1-day: every holder seated on `day`, with the team they belong to. */
export function userTeamRecords(data: GithubData, day: Day, scope: ReportScope): Json[] {
  return data.org.people
    .filter((p) => isSeatedOn(p.seat, day))
    .sort((a, b) => (a.login < b.login ? -1 : 1))
    .map((p) => ({
      day,
      ...scopeField(scope),
      user_id: p.id,
      user_login: p.login,
      team_id: p.team.id,
      team_slug: p.team.slug,
      team_name: p.team.name,
      membership_updated_at: isoSeconds(p.seat.createdAtMs),
    }))
}
