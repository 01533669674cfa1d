// Raw Anthropic pages → canonical rows. Money: cost report `amount` is a decimal string of
// CENTS and Claude Code `estimated_cost.amount` a number of cents; both become exact dollar
// decimals here and nowhere else. A null workspace_id is the Default workspace and is kept
// as NULL (the views name it); the estimate is stored only as an allocation weight.

import { cents, toDecimalString } from '../../core/money.js'
import { rawJson, type Row } from '../../core/records.js'
import { bucketDay, lineKey, parsePageOrThrow, payloadError, type ParseWhere } from '../parse.js'
import type { NormalizeContext, RawPage, TableRows } from '../source.js'
import {
  claudeCodePageSchema,
  costPageSchema,
  usagePageSchema,
  type ClaudeCodeRecord,
  type CostResult,
  type UsageResult,
} from './payloads.js'

const COST: ParseWhere = { vendor: 'anthropic', resource: 'cost_report' }
const USAGE: ParseWhere = { vendor: 'anthropic', resource: 'messages_usage' }
const CLAUDE_CODE: ParseWhere = { vendor: 'anthropic', resource: 'claude_code' }

export function normalizeCostPage(page: RawPage): TableRows {
  const body = parsePageOrThrow(costPageSchema, page, COST)
  const rows: Row[] = []
  for (const bucket of body.data) {
    const day = bucketDay(bucket.starting_at, COST, page.window)
    for (const result of bucket.results) rows.push(costRow(day, result, page))
  }
  return { anthropic_cost_report: rows }
}

function costRow(day: string, r: CostResult, page: RawPage): Row {
  if (r.currency !== 'USD') {
    throw payloadError(
      `anthropic cost_report: currency ${r.currency} is not USD`,
      COST,
      page.window,
      { day, field: 'currency' },
    )
  }
  return {
    usage_date: day,
    line_key: lineKey(r, ['amount', 'currency']),
    workspace_id: r.workspace_id ?? null,
    description: r.description ?? null,
    cost_type: r.cost_type ?? null,
    token_type: r.token_type ?? null,
    model: r.model ?? null,
    service_tier: r.service_tier ?? null,
    context_window: r.context_window ?? null,
    inference_geo: r.inference_geo ?? null,
    currency: r.currency,
    amount_cents: r.amount,
    amount_usd: toDecimalString(cents(r.amount)),
    raw_json: rawJson(r),
  }
}

export function normalizeUsagePage(page: RawPage): TableRows {
  const body = parsePageOrThrow(usagePageSchema, page, USAGE)
  const rows: Row[] = []
  for (const bucket of body.data) {
    const day = bucketDay(bucket.starting_at, USAGE, page.window)
    for (const result of bucket.results) rows.push(usageRow(day, result))
  }
  return { anthropic_messages_usage: rows }
}

const USAGE_METRICS = [
  'uncached_input_tokens',
  'cache_read_input_tokens',
  'cache_creation',
  'output_tokens',
  'server_tool_use',
]

function usageRow(day: string, r: UsageResult): Row {
  return {
    usage_date: day,
    line_key: lineKey(r, USAGE_METRICS),
    api_key_id: r.api_key_id ?? null,
    workspace_id: r.workspace_id ?? null,
    model: r.model ?? null,
    service_tier: r.service_tier ?? null,
    context_window: r.context_window ?? null,
    uncached_input_tokens: r.uncached_input_tokens,
    cache_read_input_tokens: r.cache_read_input_tokens,
    cache_creation_5m_input_tokens: r.cache_creation?.ephemeral_5m_input_tokens ?? 0,
    cache_creation_1h_input_tokens: r.cache_creation?.ephemeral_1h_input_tokens ?? 0,
    output_tokens: r.output_tokens,
    web_search_requests: r.server_tool_use?.web_search_requests ?? 0,
    raw_json: rawJson(r),
  }
}

export function normalizeClaudeCodePage(page: RawPage, _ctx: NormalizeContext): TableRows {
  const body = parsePageOrThrow(claudeCodePageSchema, page, CLAUDE_CODE)
  const parents: Row[] = []
  const children: Row[] = []
  for (const record of body.data) {
    const parent = claudeCodeRow(record, page)
    parents.push(parent)
    children.push(...modelRows(record, parent))
  }
  return { anthropic_claude_code: parents, anthropic_claude_code_models: children }
}

function claudeCodeRow(r: ClaudeCodeRecord, page: RawPage): Row {
  const day = bucketDay(r.date, CLAUDE_CODE, page.window)
  if (page.window && (day < page.window.from || day > page.window.to)) {
    throw payloadError(
      `anthropic claude_code: record dated ${day} outside the requested day`,
      CLAUDE_CODE,
      page.window,
      { field: 'date' },
    )
  }
  const email = r.actor.type === 'user_actor' ? r.actor.email_address.toLowerCase() : null
  const keyName = r.actor.type === 'api_actor' ? r.actor.api_key_name : null
  const tools = Object.values(r.tool_actions ?? {})
  return {
    usage_date: day,
    line_key: lineKey({
      actor: email ?? keyName,
      actor_type: r.actor.type,
      customer_type: r.customer_type,
      terminal_type: r.terminal_type,
      is_remote: r.is_remote,
      subscription_type: r.subscription_type,
      organization_id: r.organization_id,
    }),
    actor_type: r.actor.type,
    actor_email: email,
    actor_api_key_name: keyName,
    organization_id: r.organization_id ?? null,
    customer_type: r.customer_type ?? null,
    subscription_type: r.subscription_type ?? null,
    terminal_type: r.terminal_type ?? null,
    is_remote: r.is_remote ?? null,
    num_sessions: r.core_metrics.num_sessions,
    lines_added: r.core_metrics.lines_of_code.added,
    lines_removed: r.core_metrics.lines_of_code.removed,
    commits: r.core_metrics.commits_by_claude_code,
    pull_requests: r.core_metrics.pull_requests_by_claude_code,
    tool_accepted: tools.reduce((n, t) => n + (t.accepted ?? 0), 0),
    tool_rejected: tools.reduce((n, t) => n + (t.rejected ?? 0), 0),
    tool_actions_json: rawJson(r.tool_actions ?? {}),
    raw_json: rawJson(r),
  }
}

/** One row per model; a model listed twice for the same actor-day is summed, not doubled. */
function modelRows(r: ClaudeCodeRecord, parent: Row): Row[] {
  const byModel = new Map<
    string,
    { input: number; output: number; read: number; write: number; cost: bigint }
  >()
  for (const m of r.model_breakdown ?? []) {
    const acc = byModel.get(m.model) ?? { input: 0, output: 0, read: 0, write: 0, cost: 0n }
    acc.input += m.tokens.input
    acc.output += m.tokens.output
    acc.read += m.tokens.cache_read
    acc.write += m.tokens.cache_creation
    acc.cost += cents(m.estimated_cost.amount)
    byModel.set(m.model, acc)
  }
  return [...byModel].map(([model, t]) => ({
    usage_date: parent.usage_date ?? null,
    line_key: parent.line_key ?? null,
    model,
    input_tokens: t.input,
    output_tokens: t.output,
    cache_read_tokens: t.read,
    cache_creation_tokens: t.write,
    estimated_cost_usd: toDecimalString(t.cost as ReturnType<typeof cents>),
  }))
}
