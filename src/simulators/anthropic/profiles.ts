// How much each kind of key is used: volumes, model mix, cache behaviour, weekend habits.
// The numbers are tuned so the whole org spends roughly $50–$900 a day (busy weekdays near the
// top, quiet weekends near the bottom), with Claude Code traffic dominated by cache reads.

import type { Random } from '../shared/random.js'
import type { ActivityLevel } from '../shared/people.js'

export interface KeyUsageProfile {
  /** Uncached input tokens on an active weekday, before trend and noise. */
  dailyInputTokens: number
  /** Chance the key is used on a weekday, and on a weekend day. */
  activeChance: number
  weekendChance: number
  /** Volume multiplier on weekends when used. */
  weekendVolume: number
  models: ReadonlyArray<{ model: string; share: number }>
  /** Token kinds relative to uncached input. */
  outputRatio: number
  cacheReadRatio: number
  cacheWrite5mRatio: number
  cacheWrite1hRatio: number
  /** Web search requests per million uncached input tokens. */
  webSearchPerMillion: number
}

const OPUS_46 = 'claude-opus-4-6'
const OPUS_41 = 'claude-opus-4-1-20250805'
const SONNET = 'claude-sonnet-4-5-20250929'
const HAIKU = 'claude-haiku-4-5-20251001'

const MIX = {
  dev: [
    { model: SONNET, share: 0.6 },
    { model: OPUS_46, share: 0.25 },
    { model: HAIKU, share: 0.15 },
  ],
  claudeCode: [
    { model: SONNET, share: 0.7 },
    { model: OPUS_46, share: 0.2 },
    { model: HAIKU, share: 0.1 },
  ],
  service: [
    { model: SONNET, share: 0.5 },
    { model: HAIKU, share: 0.5 },
  ],
  research: [
    { model: OPUS_41, share: 0.3 },
    { model: OPUS_46, share: 0.3 },
    { model: SONNET, share: 0.4 },
  ],
  legacy: [{ model: OPUS_41, share: 1 }],
} as const

type Shape = Omit<KeyUsageProfile, 'dailyInputTokens' | 'models'>

const API_SHAPE: Shape = {
  activeChance: 0.9,
  weekendChance: 0.2,
  weekendVolume: 0.6,
  outputRatio: 0.25,
  cacheReadRatio: 1.5,
  cacheWrite5mRatio: 0.2,
  cacheWrite1hRatio: 0.03,
  webSearchPerMillion: 0,
}

const CODE_SHAPE: Shape = {
  ...API_SHAPE,
  outputRatio: 0.3,
  cacheReadRatio: 12,
  cacheWrite5mRatio: 0.6,
  cacheWrite1hRatio: 0.08,
}

/** A daily volume between `min` and `max` thousand tokens. */
function volume(rng: Random, min: number, max: number): number {
  return rng.int(min, max) * 1000
}

const DEV_LEVELS: Record<ActivityLevel, [number, number, number]> = {
  // [min, max] thousand uncached input tokens on an active day, chance of a weekday's use
  heavy: [1_500, 4_000, 0.85],
  regular: [400, 1_200, 0.6],
  light: [50, 300, 0.3],
  idle: [0, 0, 0],
}

export function devProfile(rng: Random, level: ActivityLevel): KeyUsageProfile {
  const [min, max, chance] = DEV_LEVELS[level]
  return {
    ...API_SHAPE,
    dailyInputTokens: volume(rng, min, max),
    activeChance: chance,
    models: MIX.dev,
  }
}

const CODE_LEVELS: Record<ActivityLevel, [number, number, number]> = {
  heavy: [600, 1_500, 0.9],
  regular: [200, 600, 0.7],
  light: [50, 200, 0.35],
  idle: [0, 0, 0],
}

export function claudeCodeProfile(rng: Random, level: ActivityLevel): KeyUsageProfile {
  const [min, max, chance] = CODE_LEVELS[level]
  return {
    ...CODE_SHAPE,
    dailyInputTokens: volume(rng, min, max),
    activeChance: chance,
    models: MIX.claudeCode,
  }
}

export type WorkspaceRef = 'default' | 'claudeCode' | 'production' | 'dataScience' | 'legacy'

export interface ServiceKeySpec {
  name: string
  workspace: WorkspaceRef
  /** Created by no one and owned by no one (legacy or system keys). */
  system?: boolean
  /** A Claude Code CI key: its usage appears in Claude Code analytics as an `api_actor`. */
  ciTerminal?: string
  profile(rng: Random): KeyUsageProfile
}

function service(
  min: number,
  max: number,
  models: KeyUsageProfile['models'],
  extra: Partial<Shape> = {},
) {
  return (rng: Random): KeyUsageProfile => ({
    ...API_SHAPE,
    ...extra,
    dailyInputTokens: volume(rng, min, max),
    models,
  })
}

/** Always-on traffic keeps weekends from going to zero. */
const ALWAYS_ON: Partial<Shape> = { activeChance: 1, weekendChance: 1, weekendVolume: 0.8 }

export const SERVICE_KEYS: readonly ServiceKeySpec[] = [
  {
    name: 'prod-backend',
    workspace: 'production',
    profile: service(10_000, 16_000, MIX.service, ALWAYS_ON),
  },
  {
    name: 'support-bot',
    workspace: 'production',
    profile: service(3_000, 6_000, MIX.service, ALWAYS_ON),
  },
  { name: 'staging-backend', workspace: 'default', profile: service(500, 1_500, MIX.service) },
  { name: 'github-actions', workspace: 'default', profile: service(300, 800, MIX.dev) },
  {
    name: 'internal-wiki-search',
    workspace: 'default',
    profile: service(300, 800, MIX.dev, { webSearchPerMillion: 40 }),
  },
  {
    name: 'legacy-integration',
    workspace: 'default',
    system: true,
    profile: service(200, 500, MIX.legacy),
  },
  {
    name: 'eval-harness',
    workspace: 'dataScience',
    profile: service(2_000, 5_000, MIX.research, { activeChance: 0.4 }),
  },
  { name: 'notebook-shared', workspace: 'dataScience', profile: service(200, 600, MIX.research) },
  // Same name as the Default key above: key names are not unique, api_actor rows are ambiguous.
  {
    name: 'github-actions',
    workspace: 'claudeCode',
    ciTerminal: 'non-interactive',
    profile: service(300, 600, MIX.claudeCode, { ...CODE_SHAPE, activeChance: 0.8 }),
  },
  {
    name: 'claude-review-bot',
    workspace: 'claudeCode',
    ciTerminal: 'non-interactive',
    profile: service(200, 400, MIX.claudeCode, { ...CODE_SHAPE, activeChance: 0.8 }),
  },
  // Mixed usage inside the Claude Code workspace that is not Claude Code at all.
  {
    name: 'cc-experiments',
    workspace: 'claudeCode',
    profile: service(100, 300, MIX.dev, { activeChance: 0.3 }),
  },
  {
    name: 'prototype-agent',
    workspace: 'legacy',
    profile: service(500, 1_000, MIX.legacy, { activeChance: 0.6 }),
  },
  {
    name: 'hackathon-2025',
    workspace: 'legacy',
    system: true,
    profile: service(300, 700, MIX.dev),
  },
]
