// Copilot usage-metrics report files → rows. The daily aggregate becomes one typed row (the
// headline counters, CLI and pull-request figures) plus its `totals_by_*` breakdowns as child
// rows in long form (one table for all five, a `breakdown` column naming which); each user
// line becomes a typed row plus its model × feature rows, which feed usage_daily per person.

import { rawJson, type Row } from '../../core/records.js'
import { lineKey, parsePageOrThrow, payloadError, type ParseWhere } from '../parse.js'
import type { RawPage, TableRows } from '../source.js'
import {
  aggregateReportSchema,
  userRecordSchema,
  type AggregateReport,
  type TotalsRow,
  type UserRecord,
} from './payloads.js'
import { cliColumns, counterColumns, pullRequestColumns } from './report-columns.js'
import type { GithubScope } from './scope.js'
import { z } from 'zod'

export const ORG_TABLE = 'github_copilot_org_daily'
export const BREAKDOWN_TABLE = 'github_copilot_org_breakdown'
export const USER_TABLE = 'github_copilot_user_daily'
export const USER_MODEL_TABLE = 'github_copilot_user_models'

const BREAKDOWNS = {
  ide: 'totals_by_ide',
  feature: 'totals_by_feature',
  language_feature: 'totals_by_language_feature',
  language_model: 'totals_by_language_model',
  model_feature: 'totals_by_model_feature',
} as const

const AGGREGATE: ParseWhere = { vendor: 'github', resource: 'usage_metrics' }
const USERS: ParseWhere = { vendor: 'github', resource: 'user_metrics' }

/** One aggregate document (organization-1-day or enterprise-1-day). */
export function normalizeAggregatePage(page: RawPage, scope: GithubScope): TableRows {
  const doc = parsePageOrThrow(aggregateReportSchema, page, AGGREGATE)
  checkDay(doc.day, page, AGGREGATE, 'day')
  const keys = { usage_date: doc.day, owner: scope.owner }
  return {
    [ORG_TABLE]: [aggregateRow(doc, scope)],
    [BREAKDOWN_TABLE]: Object.entries(BREAKDOWNS).flatMap(([name, field]) =>
      (doc[field] ?? []).map((row) => breakdownRow(keys, name, row)),
    ),
  }
}

function aggregateRow(doc: AggregateReport, scope: GithubScope): Row {
  return {
    usage_date: doc.day,
    owner: scope.owner,
    scope_type: scope.kind,
    scope_id: scopeId(doc),
    daily_active_users: doc.daily_active_users ?? null,
    weekly_active_users: doc.weekly_active_users ?? null,
    monthly_active_users: doc.monthly_active_users ?? null,
    monthly_active_chat_users: doc.monthly_active_chat_users ?? null,
    monthly_active_agent_users: doc.monthly_active_agent_users ?? null,
    daily_active_cli_users: doc.daily_active_cli_users ?? null,
    ...counterColumns(doc),
    ...cliColumns(doc.totals_by_cli),
    ...pullRequestColumns(doc.pull_requests),
    raw_json: rawJson(doc),
  }
}

function breakdownRow(keys: Row, breakdown: string, row: TotalsRow): Row {
  const dims = {
    ide: row.ide ?? null,
    feature: row.feature ?? null,
    language: row.language ?? null,
    model: row.model ?? null,
  }
  return { ...keys, breakdown, line_key: lineKey(dims), ...dims, ...counterColumns(row) }
}

/** One users-1-day file: an array of NDJSON lines. */
export function normalizeUsersPage(page: RawPage, scope: GithubScope): TableRows {
  const lines = parsePageOrThrow(z.array(userRecordSchema), page, USERS)
  const users: Row[] = []
  const models: Row[] = []
  lines.forEach((line, i) => {
    checkDay(line.day, page, USERS, `${i}.day`)
    users.push(userRow(line, scope))
    models.push(...userModelRows(line, scope))
  })
  return { [USER_TABLE]: users, [USER_MODEL_TABLE]: models }
}

function userRow(u: UserRecord, scope: GithubScope): Row {
  return {
    usage_date: u.day,
    owner: scope.owner,
    user_id: u.user_id,
    user_login: u.user_login.toLowerCase(),
    scope_id: scopeId(u),
    ...counterColumns(u),
    ...cliColumns(u.totals_by_cli),
    used_agent: u.used_agent ?? null,
    used_chat: u.used_chat ?? null,
    used_cli: u.used_cli ?? null,
    used_copilot_code_review_active: u.used_copilot_code_review_active ?? null,
    used_copilot_code_review_passive: u.used_copilot_code_review_passive ?? null,
    used_copilot_coding_agent: u.used_copilot_coding_agent ?? null,
    raw_json: rawJson(u),
  }
}

function userModelRows(u: UserRecord, scope: GithubScope): Row[] {
  return (u.totals_by_model_feature ?? []).map((r) => {
    const dims = { model: r.model ?? null, feature: r.feature ?? null }
    return {
      usage_date: u.day,
      owner: scope.owner,
      user_id: u.user_id,
      line_key: lineKey(dims),
      user_login: u.user_login.toLowerCase(),
      ...dims,
      ...counterColumns(r),
    }
  })
}

type ScopeIds = { organization_id?: string | number | null; enterprise_id?: string | number | null }

function scopeId(doc: ScopeIds): string | null {
  const id = doc.organization_id ?? doc.enterprise_id
  return id == null ? null : String(id)
}

/** A record must be of the day its report was requested for. */
function checkDay(day: string, page: RawPage, where: ParseWhere, field: string): void {
  if (page.window && day !== page.window.from) {
    throw payloadError(
      `github ${where.resource}: a record is dated ${day}, not the requested day`,
      where,
      page.window,
      { field, page: page.page },
    )
  }
}
