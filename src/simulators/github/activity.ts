// One seat holder's final Copilot activity on one UTC day, as atomic cells
// (ide × feature × language × model with counters). Every report breakdown (totals_by_ide,
// totals_by_feature, …), the org aggregate and premium-request billing are group-bys of these
// same cells, so no two served numbers can disagree. Pure: seeded by seed + login + day.

import type { Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { isWeekend } from '../shared/days.js'
import { COMPLETION_MODEL, type Feature, type Ide } from './catalog.js'
import type { ActivityLevel, CopilotSeatHolder } from './org.js'
import { isSeatedOn } from './seat-timeline.js'

export interface ActivityCell {
  ide: Ide
  feature: Feature
  language: string
  model: string
  interactions: number
  generations: number
  acceptances: number
  locSuggestedAdd: number
  locSuggestedDelete: number
  locAdded: number
  locDeleted: number
}

export interface CliTotals {
  sessions: number
  requests: number
  prompts: number
  promptTokens: number
  outputTokens: number
}

export interface UserDayFacts {
  login: string
  day: Day
  cells: ActivityCell[]
  cli: CliTotals | null
  usedCodeReviewActive: boolean
  usedCodeReviewPassive: boolean
  usedCodingAgent: boolean
  /** Milliseconds into the day of the last activity (feeds `last_activity_at`). */
  lastActivityOffsetMs: number
}

const ACTIVE_CHANCE: Record<ActivityLevel, readonly [number, number]> = {
  heavy: [0.92, 0.25],
  regular: [0.7, 0.1],
  light: [0.3, 0.04],
  idle: [0, 0],
}
const INTENSITY: Record<ActivityLevel, number> = { heavy: 3, regular: 1.5, light: 0.6, idle: 0 }

/** The holder's activity on `day`, or undefined when they had no seat or did not use Copilot. */
export function userDayFacts(
  seed: number,
  holder: CopilotSeatHolder,
  day: Day,
): UserDayFacts | undefined {
  if (!isSeatedOn(holder.seat, day)) return undefined
  const rng = createRandom(hashSeed(`${seed}:copilot:${holder.login}:${day}`))
  const [weekday, weekend] = ACTIVE_CHANCE[holder.activity]
  if (!rng.chance(isWeekend(day) ? weekend : weekday)) return undefined
  const scale = INTENSITY[holder.activity]
  const cells = [...completionCells(rng, holder, scale), ...chatCells(rng, holder, scale)]
  return {
    login: holder.login,
    day,
    cells,
    cli: holder.usesCli && rng.chance(0.45) ? cliTotals(rng, scale) : null,
    usedCodeReviewActive: holder.usesCodeReview && rng.chance(0.3),
    usedCodeReviewPassive: rng.chance(0.2),
    usedCodingAgent: holder.usesAgent && holder.activity === 'heavy' && rng.chance(0.15),
    lastActivityOffsetMs: rng.int(8 * 3600, 20 * 3600) * 1000 + rng.int(0, 999),
  }
}

function cell(ide: Ide, feature: Feature, language: string, model: string): ActivityCell {
  return {
    ide,
    feature,
    language,
    model,
    interactions: 0,
    generations: 0,
    acceptances: 0,
    locSuggestedAdd: 0,
    locSuggestedDelete: 0,
    locAdded: 0,
    locDeleted: 0,
  }
}

/** Inline completions in 1–2 languages; at least one suggestion so "active" means something. */
function completionCells(rng: Random, holder: CopilotSeatHolder, scale: number): ActivityCell[] {
  const languages = holder.languages.slice(0, rng.int(1, 2))
  return languages.map((language) => {
    const ide = holder.secondIde && rng.chance(0.3) ? holder.secondIde : holder.primaryIde
    const c = cell(ide, 'code_completion', language, COMPLETION_MODEL)
    c.generations = Math.max(1, Math.round(scale * rng.int(4, 40)))
    c.acceptances = Math.floor((c.generations * rng.int(15, 40)) / 100)
    c.locSuggestedAdd = c.generations * rng.int(1, 4)
    c.locSuggestedDelete = rng.int(0, Math.floor(c.generations / 4))
    c.locAdded = Math.floor((c.locSuggestedAdd * c.acceptances) / c.generations)
    c.locDeleted = Math.min(c.locSuggestedDelete, rng.int(0, 3))
    return c
  })
}

/** Chat in the modes the holder uses, on their preferred models; agent mode also edits files. */
function chatCells(rng: Random, holder: CopilotSeatHolder, scale: number): ActivityCell[] {
  const total = Math.round(scale * rng.int(0, 12))
  if (total === 0) return []
  const modes: Feature[] = ['chat_panel_ask_mode', 'chat_inline', 'chat_panel_edit_mode']
  if (holder.usesAgent) modes.push('chat_panel_agent_mode', 'chat_panel_agent_mode')
  const cells = new Map<string, ActivityCell>()
  for (let i = 0; i < total; i++) {
    const feature = rng.pick(modes)
    const model = rng.chance(0.6) ? (holder.chatModels[0] as string) : rng.pick(holder.chatModels)
    const language = rng.pick(holder.languages)
    const key = `${feature}|${model}|${language}`
    const c = cells.get(key) ?? cell(holder.primaryIde, feature, language, model)
    cells.set(key, c)
    addChatTurn(rng, c)
  }
  return [...cells.values(), ...agentEdits(rng, holder, [...cells.values()])]
}

function addChatTurn(rng: Random, c: ActivityCell): void {
  c.interactions += 1
  if (!rng.chance(c.feature === 'chat_panel_ask_mode' ? 0.4 : 0.8)) return
  const lines = rng.int(2, c.feature === 'chat_panel_agent_mode' ? 60 : 20)
  c.generations += 1
  c.locSuggestedAdd += lines
  c.locSuggestedDelete += rng.int(0, Math.floor(lines / 3))
  if (!rng.chance(0.55)) return
  c.acceptances += 1
  c.locAdded += lines
  c.locDeleted += rng.int(0, Math.floor(lines / 4))
}

/** Agent mode turns write files directly: reported as the separate `agent_edit` feature. */
function agentEdits(rng: Random, holder: CopilotSeatHolder, chats: ActivityCell[]): ActivityCell[] {
  return chats
    .filter((c) => c.feature === 'chat_panel_agent_mode')
    .map((agent) => {
      const c = cell(holder.primaryIde, 'agent_edit', agent.language, agent.model)
      c.generations = agent.interactions * rng.int(1, 3)
      c.acceptances = c.generations
      c.locAdded = c.generations * rng.int(5, 40)
      c.locDeleted = c.generations * rng.int(0, 12)
      c.locSuggestedAdd = c.locAdded
      c.locSuggestedDelete = c.locDeleted
      return c
    })
}

function cliTotals(rng: Random, scale: number): CliTotals {
  const prompts = Math.max(1, Math.round(scale * rng.int(1, 6)))
  const requests = prompts * rng.int(2, 4)
  return {
    sessions: rng.int(1, Math.min(3, prompts)),
    requests,
    prompts,
    promptTokens: requests * rng.int(2_000, 6_000),
    outputTokens: requests * rng.int(200, 900),
  }
}
