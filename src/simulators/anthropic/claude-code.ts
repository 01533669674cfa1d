// Claude Code analytics records, built from the usage facts of the Claude Code keys, so they are
// a subset of what the cost report bills for the "Claude Code" workspace, never an addition.
// Estimates are slightly low on purpose, as observed ($9.32 estimated vs $9.38 billed): cache
// writes are priced at the 5-minute rate, a 0.5% haircut applies, and each amount is floored to
// 1/100 cent. Per-day choices (terminal split, metric rates) come from a stream keyed on
// day + key only, so a growing day's records grow without reshuffling.

import { dayStartIso, type Day } from '../../core/days.js'
import { createRandom, hashSeed } from '../shared/random.js'
import type { TokenCounts, UsageFact } from './generate.js'
import { modelOrThrow } from './models.js'
import type { AnthropicApiKey, AnthropicOrg, ClaudeCodeActor } from './org.js'
import { buildMetrics, type CoreMetrics, type ToolActions } from './claude-code-metrics.js'

export interface ClaudeCodeModelBreakdown {
  model: string
  tokens: { input: number; output: number; cache_read: number; cache_creation: number }
  /** Cents, as a JSON number (186.42 = $1.8642). */
  estimated_cost: { currency: 'USD'; amount: number }
}

export interface ClaudeCodeRecord {
  date: string
  actor: { type: 'user_actor'; email_address: string } | { type: 'api_actor'; api_key_name: string }
  organization_id: string
  customer_type: 'api' | 'subscription'
  subscription_type: 'enterprise' | 'team' | null
  terminal_type: string
  is_remote: boolean
  core_metrics: CoreMetrics
  tool_actions: ToolActions
  model_breakdown: ClaudeCodeModelBreakdown[]
}

interface Row {
  terminal: string
  isRemote: boolean
  facts: { model: string; tokens: TokenCounts }[]
}

export function buildClaudeCodeRecords(
  org: AnthropicOrg,
  day: Day,
  usage: readonly UsageFact[],
): ClaudeCodeRecord[] {
  const keys = new Map(org.apiKeys.filter((k) => k.claudeCode).map((k) => [k.id, k]))
  const byKey = new Map<AnthropicApiKey, UsageFact[]>()
  for (const fact of usage) {
    const key = fact.apiKeyId === null ? undefined : keys.get(fact.apiKeyId)
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), fact])
  }
  return [...byKey]
    .flatMap(([key, facts]) => keyRecords(org, day, key, facts))
    .sort((a, b) => recordSortKey(a).localeCompare(recordSortKey(b)))
}

function recordSortKey(r: ClaudeCodeRecord): string {
  const who = r.actor.type === 'user_actor' ? r.actor.email_address : r.actor.api_key_name
  return `${r.actor.type}|${who}|${r.terminal_type}|${r.is_remote}`
}

function keyRecords(
  org: AnthropicOrg,
  day: Day,
  key: AnthropicApiKey,
  facts: UsageFact[],
): ClaudeCodeRecord[] {
  const actor = key.claudeCode as ClaudeCodeActor
  const seed = hashSeed(`${org.seed}:${day}:claude-code:${key.id}`)
  const rng = createRandom(seed)
  const split =
    actor.type === 'user_actor' && actor.terminals[0] !== actor.terminals[1] && rng.chance(0.3)
  const rows = split ? splitRows(actor, facts, rng.int(55, 85)) : [wholeRow(actor, facts)]
  return rows
    .filter((row) => row.facts.some((f) => f.tokens.output + f.tokens.uncachedInput > 0))
    .map((row) => toRecord(org, day, actor, row, hashSeed(`${seed}:${row.terminal}`)))
}

function wholeRow(actor: ClaudeCodeActor, facts: UsageFact[]): Row {
  return { terminal: actor.terminals[0], isRemote: false, facts }
}

function splitRows(actor: ClaudeCodeActor, facts: UsageFact[], primaryPercent: number): Row[] {
  const part = (n: number) => Math.floor((n * primaryPercent) / 100)
  const primary = facts.map((f) => ({ model: f.model, tokens: mapCounts(f.tokens, part) }))
  const secondary = facts.map((f, i) => ({
    model: f.model,
    tokens: mapCounts(f.tokens, (n, field) => n - (primary[i]?.tokens[field] ?? 0)),
  }))
  const second = actor.terminals[1]
  return [
    { terminal: actor.terminals[0], isRemote: false, facts: primary },
    { terminal: second, isRemote: second === 'ssh-session', facts: secondary },
  ]
}

function mapCounts(
  t: TokenCounts,
  f: (n: number, field: keyof TokenCounts) => number,
): TokenCounts {
  const out = { ...t }
  for (const field of Object.keys(t) as (keyof TokenCounts)[]) out[field] = f(t[field], field)
  return out
}

function toRecord(
  org: AnthropicOrg,
  day: Day,
  actor: ClaudeCodeActor,
  row: Row,
  seed: number,
): ClaudeCodeRecord {
  const breakdown = row.facts
    .filter((f) => f.tokens.output + f.tokens.uncachedInput > 0)
    .map(breakdownOf)
  const output = row.facts.reduce((s, f) => s + f.tokens.output, 0)
  return {
    date: dayStartIso(day),
    actor:
      actor.type === 'user_actor'
        ? { type: 'user_actor', email_address: actor.emailAddress }
        : { type: 'api_actor', api_key_name: actor.apiKeyName },
    organization_id: org.organization.id,
    customer_type: 'api',
    subscription_type: null,
    terminal_type: row.terminal,
    is_remote: row.isRemote,
    ...buildMetrics(createRandom(seed), output),
    model_breakdown: breakdown,
  }
}

function breakdownOf({
  model,
  tokens,
}: {
  model: string
  tokens: TokenCounts
}): ClaudeCodeModelBreakdown {
  const cacheCreation = tokens.cacheCreation5m + tokens.cacheCreation1h
  return {
    model,
    tokens: {
      input: tokens.uncachedInput,
      output: tokens.output,
      cache_read: tokens.cacheRead,
      cache_creation: cacheCreation,
    },
    estimated_cost: { currency: 'USD', amount: estimateCents(model, tokens) },
  }
}

/** Cents with at most two decimals, built from text so the JSON number is exactly that decimal. */
export function estimateCents(modelId: string, t: TokenCounts): number {
  const p = modelOrThrow(modelId).price
  const nanos =
    BigInt(t.uncachedInput) * p.uncached_input_tokens +
    BigInt(t.output) * p.output_tokens +
    BigInt(t.cacheRead) * p.cache_read_input_tokens +
    BigInt(t.cacheCreation5m + t.cacheCreation1h) * p['cache_creation.ephemeral_5m_input_tokens']
  const hundredthsOfCent = (nanos * 995n) / 1000n / 100_000n
  return Number(`${hundredthsOfCent / 100n}.${String(hundredthsOfCent % 100n).padStart(2, '0')}`)
}
