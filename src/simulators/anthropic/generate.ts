// The final (complete) usage facts of one UTC day, at the finest grain the API can group by:
// one fact per key (or Console user) × model. Pure function of org + day: each key draws from
// its own seeded stream ("seed:day:key"), so any day can be generated alone, in any order.

import { diffDays, type Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { isWeekend } from '../shared/days.js'
import { modelOrThrow, type InferenceGeo } from './models.js'
import type { AnthropicApiKey, AnthropicOrg, KeyUsageProfile } from './org.js'

export interface TokenCounts {
  uncachedInput: number
  cacheRead: number
  cacheCreation5m: number
  cacheCreation1h: number
  output: number
  webSearchRequests: number
}

export interface UsageFact {
  /** null = Console / Workbench usage (no key). */
  apiKeyId: string | null
  /** The user, for Console (OAuth) usage; null for API-key requests. */
  accountId: string | null
  serviceAccountId: string | null
  /** null = Default workspace. */
  workspaceId: string | null
  model: string
  serviceTier: 'standard'
  contextWindow: '0-200k'
  inferenceGeo: InferenceGeo
  speed: 'standard'
  tokens: TokenCounts
}

export interface CodeExecutionFact {
  workspaceId: string | null
  /** Container time in tenths of an hour (the billing unit). */
  tenthHours: number
}

export interface DayFacts {
  usage: readonly UsageFact[]
  codeExecution: readonly CodeExecutionFact[]
}

export const EMPTY_DAY: DayFacts = { usage: [], codeExecution: [] }

export function generateDayFacts(org: AnthropicOrg, day: Day): DayFacts {
  if (day < org.historyStart) return EMPTY_DAY
  const factor = orgFactor(org, day)
  return {
    usage: [
      ...org.apiKeys.flatMap((key) => keyFacts(org, key, day, factor)),
      ...consoleFacts(org, day, factor),
    ],
    codeExecution: codeExecutionFacts(org, day, factor),
  }
}

export function hasTokens(tokens: TokenCounts): boolean {
  return Object.values(tokens).some((n) => n > 0)
}

function dayRandom(org: AnthropicOrg, day: Day, what: string): Random {
  return createRandom(hashSeed(`${org.seed}:${day}:${what}`))
}

/** Growth over the history (65% → 100%) times a ±15% org-wide daily swing. */
function orgFactor(org: AnthropicOrg, day: Day): number {
  const span = Math.max(1, diffDays(org.historyStart, org.anchorDay))
  const progress = Math.min(1, diffDays(org.historyStart, day) / span)
  const swing = 0.85 + 0.3 * dayRandom(org, day, 'org').next()
  return (0.65 + 0.35 * progress) * swing
}

function isLive(key: AnthropicApiKey, day: Day): boolean {
  return day >= key.firstDay && (key.lastDay === null || day <= key.lastDay)
}

function keyFacts(org: AnthropicOrg, key: AnthropicApiKey, day: Day, factor: number): UsageFact[] {
  if (!isLive(key, day)) return []
  const rng = dayRandom(org, day, key.id)
  const profile = key.usage
  const weekend = isWeekend(day)
  if (!rng.chance(weekend ? profile.activeChance * profile.weekendChance : profile.activeChance))
    return []
  const volume =
    profile.dailyInputTokens * factor * (weekend ? profile.weekendVolume : 1) * (0.5 + rng.next())
  return profile.models
    .map(({ model, share }) => ({
      ...dimensions(key.id, null, key.workspaceId, model),
      tokens: tokensFor(rng, volume * share, profile),
    }))
    .filter((fact) => hasTokens(fact.tokens))
}

function dimensions(
  apiKeyId: string | null,
  accountId: string | null,
  workspaceId: string | null,
  model: string,
) {
  const inferenceGeo = modelOrThrow(model).inferenceGeo
  return {
    apiKeyId,
    accountId,
    serviceAccountId: null,
    workspaceId,
    model,
    serviceTier: 'standard',
    contextWindow: '0-200k',
    inferenceGeo,
    speed: 'standard',
  } as const
}

function tokensFor(rng: Random, input: number, profile: KeyUsageProfile): TokenCounts {
  const jitter = (ratio: number) => Math.round(input * ratio * (0.8 + 0.4 * rng.next()))
  return {
    uncachedInput: Math.round(input),
    cacheRead: jitter(profile.cacheReadRatio),
    cacheCreation5m: jitter(profile.cacheWrite5mRatio),
    cacheCreation1h: jitter(profile.cacheWrite1hRatio),
    output: jitter(profile.outputRatio),
    webSearchRequests: Math.round((input / 1e6) * profile.webSearchPerMillion * (0.5 + rng.next())),
  }
}

/** Developers trying prompts in the Console: no key, the account id is the user. */
function consoleFacts(org: AnthropicOrg, day: Day, factor: number): UsageFact[] {
  const rng = dayRandom(org, day, 'console')
  const chance = isWeekend(day) ? 0.03 : 0.15
  const users = org.users.filter(
    (u) => u.person.activity === 'heavy' || u.person.activity === 'regular',
  )
  return users.flatMap((user) => {
    if (!rng.chance(chance)) return []
    const model = rng.chance(0.7) ? 'claude-sonnet-4-5-20250929' : 'claude-opus-4-6'
    const input = rng.int(20_000, 200_000) * factor
    const tokens = { ...tokensFor(rng, input, CONSOLE_PROFILE), webSearchRequests: 0 }
    return [{ ...dimensions(null, user.id, null, model), tokens }]
  })
}

const CONSOLE_PROFILE = {
  outputRatio: 0.5,
  cacheReadRatio: 0.5,
  cacheWrite5mRatio: 0.1,
  cacheWrite1hRatio: 0,
  webSearchPerMillion: 0,
} as KeyUsageProfile

function codeExecutionFacts(org: AnthropicOrg, day: Day, factor: number): CodeExecutionFact[] {
  const rng = dayRandom(org, day, 'code-execution')
  const max = isWeekend(day) ? 4 : 40
  return org.codeExecutionWorkspaceIds
    .map((workspaceId) => ({ workspaceId, tenthHours: Math.round(rng.int(0, max) * factor) }))
    .filter((fact) => fact.tenthHours > 0)
}
