// The one place both the HTTP API and the truth API get their numbers from: usage facts of a
// day, hour or minute and the day's cost lines, as they stand at a given `now`. Final days are
// generated once and memoized; views of growing days are memoized per `now` (bounded), so paging
// through a report never regenerates the world.

import { addDays, dayOfEpochMs, startOfDayMs, type Day } from '../../core/days.js'
import { createMemo } from '../shared/memo.js'
import { costLinesOf, type CostLine } from './cost-lines.js'
import { generateDayFacts } from './generate.js'
import {
  HOUR_WEIGHTS,
  hourPermille,
  isDayFinal,
  isDayOver,
  minuteWeights,
  scaleCount,
  splitInt,
} from './growth.js'
import { KIND_SPECS, type UsageFact } from './kinds.js'
import type { OpenaiOrg } from './org.js'

const MEMO_LIMIT = 512
const LAST_USED_LOOKBACK_DAYS = 120

export interface OpenaiData {
  readonly org: OpenaiOrg
  /** The day's facts as a full read at `nowMs` returns them (empty facts dropped). */
  dayFacts(day: Day, nowMs: number): readonly UsageFact[]
  hourFacts(day: Day, hour: number, nowMs: number): readonly UsageFact[]
  minuteFacts(day: Day, hour: number, minute: number, nowMs: number): readonly UsageFact[]
  costLines(day: Day, nowMs: number): readonly CostLine[]
  /** The last day (within 120 days) on which the key has usage at `nowMs`. */
  lastUsedDay(apiKeyId: string, nowMs: number): Day | null
}

type Splits = Array<Record<string, number[]>>

export function createOpenaiData(org: OpenaiOrg): OpenaiData {
  const finals = createMemo<Day>()
  const remember = createMemo(MEMO_LIMIT)
  const final = (day: Day) => finals(day, () => generateDayFacts(org, day))
  const splits = (day: Day) => remember(`splits:${day}`, () => hourSplits(final(day)))
  const hourFacts = (day: Day, hour: number, nowMs: number) =>
    remember(`hour:${day}:${hour}:${nowMs}`, () =>
      factsOfHour(final(day), splits(day), hour, hourPermille(day, hour, nowMs)),
    )
  const dayFacts = (day: Day, nowMs: number) => {
    if (isDayFinal(day, nowMs)) return final(day)
    return remember(`day:${day}:${nowMs}`, () => partialDay(final(day), splits(day), day, nowMs))
  }
  return {
    org,
    dayFacts,
    hourFacts,
    minuteFacts: (day, hour, minute, nowMs) =>
      remember(`minutes:${day}:${hour}:${nowMs}`, () =>
        minuteTable(org.seed, day, hour, hourFacts(day, hour, nowMs)),
      )[minute] ?? [],
    costLines: (day, nowMs) => {
      const key = `cost:${day}:${isDayFinal(day, nowMs) ? 'final' : nowMs}`
      return remember(key, () => costLinesOf(dayFacts(day, nowMs), isDayOver(day, nowMs)))
    },
    lastUsedDay: (apiKeyId, nowMs) => {
      const today = dayOfEpochMs(nowMs)
      for (let back = 0; back < LAST_USED_LOOKBACK_DAYS; back++) {
        const day = addDays(today, -back)
        if (day < org.historyStart) return null
        if (dayFacts(day, nowMs).some((f) => f.dims.api_key_id === apiKeyId)) return day
      }
      return null
    },
  }
}

function hourSplits(facts: readonly UsageFact[]): Splits {
  return facts.map((f) =>
    Object.fromEntries(
      Object.entries(f.metrics).map(([name, n]) => [name, splitInt(n, HOUR_WEIGHTS)]),
    ),
  )
}

function withMetrics(fact: UsageFact, metrics: Record<string, number>): UsageFact | null {
  return Object.values(metrics).some((n) => n > 0) ? { ...fact, metrics } : null
}

const isGauge = (fact: UsageFact) => KIND_SPECS[fact.kind].isGauge

/** One hour's slice: flows are the hour's split scaled by its arrival; stocks are whole. */
function factsOfHour(
  facts: readonly UsageFact[],
  splits: Splits,
  hour: number,
  permille: number,
): UsageFact[] {
  if (permille === 0) return []
  return facts.flatMap((fact, i) => {
    if (isGauge(fact)) return [fact]
    const metrics = Object.fromEntries(
      Object.entries(splits[i] ?? {}).map(([n, hours]) => [
        n,
        scaleCount(hours[hour] ?? 0, permille),
      ]),
    )
    return withMetrics(fact, metrics) ?? []
  })
}

function partialDay(
  facts: readonly UsageFact[],
  splits: Splits,
  day: Day,
  nowMs: number,
): UsageFact[] {
  if (nowMs <= startOfDayMs(day)) return []
  const permilles = HOUR_WEIGHTS.map((_, hour) => hourPermille(day, hour, nowMs))
  if (permilles.every((p) => p === 0)) return []
  return facts.flatMap((fact, i) => {
    if (isGauge(fact)) return [fact]
    const visible = (hours: number[]) =>
      hours.reduce((s, n, h) => s + scaleCount(n, permilles[h] ?? 0), 0)
    const metrics = Object.fromEntries(
      Object.entries(splits[i] ?? {}).map(([n, hours]) => [n, visible(hours)]),
    )
    return withMetrics(fact, metrics) ?? []
  })
}

/** The hour's facts split over its 60 minutes (stocks repeat in every minute). */
function minuteTable(
  seed: number,
  day: Day,
  hour: number,
  facts: readonly UsageFact[],
): UsageFact[][] {
  const weights = minuteWeights(seed, day, hour)
  const table: UsageFact[][] = weights.map(() => [])
  for (const fact of facts) {
    if (isGauge(fact)) {
      for (const minute of table) minute.push(fact)
      continue
    }
    const perMetric = Object.entries(fact.metrics).map(
      ([n, v]) => [n, splitInt(v, weights)] as const,
    )
    table.forEach((minute, m) => {
      const metrics = Object.fromEntries(perMetric.map(([n, parts]) => [n, parts[m] ?? 0]))
      const slice = withMetrics(fact, metrics)
      if (slice) minute.push(slice)
    })
  }
  return table
}
