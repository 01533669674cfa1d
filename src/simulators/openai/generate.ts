// Per-day usage facts: a pure function of org + day. The organization gets a daily spend target
// (weekdays busier, a slow upward trend), split across its live projects by weight, then across
// the keys that called the API that day; each key's share becomes token and call counts through
// the price list, so what the costs endpoint bills is exactly what the usage endpoints count.

import { diffDays, type Day } from '../../core/days.js'
import { isWeekend } from '../shared/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { completionsFacts } from './generate-completions.js'
import { toolFacts } from './generate-tools.js'
import type { UsageFact } from './kinds.js'
import type { OpenaiApiKey, OpenaiOrg, OpenaiProject } from './org.js'

export interface UsedKey {
  key: OpenaiApiKey
  /** Fraction of the project's budget this key spends today (shares sum to 1). */
  share: number
}

export interface ProjectDay {
  org: OpenaiOrg
  day: Day
  rng: Random
  project: OpenaiProject
  keys: UsedKey[]
  /** The project's spend target for the day, in nano-dollars (a target, not the truth). */
  budgetNanos: number
}

const NANOS_PER_DOLLAR = 1_000_000_000

export function generateDayFacts(org: OpenaiOrg, day: Day): UsageFact[] {
  if (day < org.historyStart) return []
  const rng = createRandom(hashSeed(`${org.seed}:openai-day:${day}`))
  const budget = dailyBudgetDollars(org, day, rng) * NANOS_PER_DOLLAR
  const live = org.projects.filter((p) => isLive(p, day))
  const weightSum = live.reduce((s, p) => s + p.profile.weight, 0)
  return live.flatMap((project) => {
    const keys = usedKeys(org, day, rng, project)
    const budgetNanos = (budget * project.profile.weight) / weightSum
    return projectFacts({ org, day, rng, project, keys, budgetNanos })
  })
}

function projectFacts(ctx: ProjectDay): UsageFact[] {
  const toolPermille = Object.values(ctx.project.profile.tools).reduce((s, p) => s + p, 0)
  const completions = completionsFacts(ctx, (ctx.budgetNanos * (1000 - toolPermille)) / 1000)
  return [...completions, ...toolFacts(ctx, completions)]
}

/** Weekdays $90–$390, weekends $25–$105, growing over the history. */
function dailyBudgetDollars(org: OpenaiOrg, day: Day, rng: Random): number {
  const base = isWeekend(day) ? 34 + rng.next() * 44 : 120 + rng.next() * 170
  const history = Math.max(1, diffDays(org.historyStart, org.anchorDay))
  const progress = Math.min(1.2, diffDays(org.historyStart, day) / history)
  return base * (0.75 + 0.5 * progress)
}

export function isLive(project: OpenaiProject, day: Day): boolean {
  return project.createdDay <= day && (project.archivedDay === null || day < project.archivedDay)
}

const USE_CHANCE = {
  weekday: { sa: 0.98, heavy: 0.95, regular: 0.8, light: 0.35 },
  weekend: { sa: 0.95, heavy: 0.5, regular: 0.25, light: 0.08 },
}

/** The project's keys that called the API today, with their share of its spend. */
function usedKeys(org: OpenaiOrg, day: Day, rng: Random, project: OpenaiProject): UsedKey[] {
  const chances = isWeekend(day) ? USE_CHANCE.weekend : USE_CHANCE.weekday
  const used = org.apiKeys
    .filter((k) => k.projectId === project.id && isKeyLive(k, day) && k.weight > 0)
    .filter((k) => rng.chance(chances[keyLevel(org, k)]))
    .map((key) => ({ key, raw: key.weight * (0.5 + rng.next()) }))
  const total = used.reduce((s, u) => s + u.raw, 0)
  return used.map(({ key, raw }) => ({ key, share: raw / total }))
}

function isKeyLive(key: OpenaiApiKey, day: Day): boolean {
  return key.createdDay <= day && (key.lastDay === null || day < key.lastDay)
}

function keyLevel(org: OpenaiOrg, key: OpenaiApiKey): keyof typeof USE_CHANCE.weekday {
  if (key.owner.type === 'service_account') return 'sa'
  const ownerId = key.owner.userId
  const activity = org.users.find((u) => u.id === ownerId)?.person.activity ?? 'light'
  return activity === 'idle' ? 'light' : activity
}
