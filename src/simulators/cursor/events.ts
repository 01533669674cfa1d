// One member's usage events on one UTC day, a pure function of (org, member, day). Events are
// visible to the API after the hourly aggregation (the next full hour), and ~10 % arrive late
// (up to the end of the next day), so today's and yesterday's totals still grow with `now` and
// a day is final at D+2 00:00Z. The designated member's first two events of every active day
// share one millisecond: a key of (user, timestamp) is not unique.

import { startOfDayMs, type Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { DAY_MS, HOUR_MS, isWeekend } from '../shared/days.js'
import { modelCostUnits, tokenFeeUnits, type TokenCounts } from './models.js'
import { isMemberOn, type CursorMember, type CursorOrg, type UsageProfile } from './org.js'

export type EventFeature = 'agent' | 'chat' | 'composer' | 'cmdk' | 'bugbot'
export type EventOutcome = 'billed' | 'errored' | 'aborted' | 'byok' | 'free-bugbot'

export interface RawEvent {
  memberIndex: number
  /** Position in the member's day; orders events sharing a millisecond. */
  seq: number
  timestampMs: number
  /** When the hourly aggregation makes it visible to the API. */
  availableAtMs: number
  model: string
  feature: EventFeature
  outcome: EventOutcome
  maxMode: boolean
  isHeadless: boolean
  /** null: a request-based (not token-based) call. */
  tokens: TokenCounts | null
  modelCostUnits: number
  feeUnits: number
  /** `requestsCosts` × 10. */
  requestTenths: number
}

/** 1 request unit = 4 cents = 400,000 units; a tenth is 40,000. */
const UNITS_PER_REQUEST_TENTH = 40_000

const PLANS: Record<UsageProfile, { weekday: number; weekend: number; events: [number, number] }> =
  {
    heavy: { weekday: 0.95, weekend: 0.4, events: [30, 120] },
    regular: { weekday: 0.8, weekend: 0.15, events: [5, 30] },
    light: { weekday: 0.35, weekend: 0.05, events: [0, 8] },
    idle: { weekday: 0, weekend: 0, events: [0, 0] },
  }
const FEATURES: readonly EventFeature[] = ['agent', 'agent', 'agent', 'agent', 'agent', 'chat']
  .concat(['chat', 'composer', 'composer', 'cmdk', 'bugbot'])
  .map((f) => f as EventFeature)
// Working hours in UTC (US and EU overlap), a thin tail at night.
const HOURS = [
  7, 8, 9, 9, 10, 10, 11, 11, 12, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16, 17,
].concat([17, 18, 18, 19, 20, 21, 22, 23, 0, 2, 4])

export interface DayPlan {
  /** Planned activity (tabs, edits); may have zero events for light users. */
  isActive: boolean
  eventCount: number
}

export function planMemberDay(org: CursorOrg, member: CursorMember, day: Day): DayPlan {
  if (day < org.historyStart || !isMemberOn(member, day)) return { isActive: false, eventCount: 0 }
  const rng = createRandom(hashSeed(`cursor:${org.seed}:${day}:${member.id}:plan`))
  const plan = PLANS[member.profile]
  const weekend = isWeekend(day)
  if (!rng.chance(weekend ? plan.weekend : plan.weekday)) return { isActive: false, eventCount: 0 }
  const count = rng.int(...plan.events)
  return { isActive: true, eventCount: weekend ? Math.ceil(count / 2) : count }
}

export function memberDayEvents(org: CursorOrg, member: CursorMember, day: Day): RawEvent[] {
  const plan = planMemberDay(org, member, day)
  if (plan.eventCount === 0) return []
  const rng = createRandom(hashSeed(`cursor:${org.seed}:${day}:${member.id}:events`))
  const dayStart = startOfDayMs(day)
  const stamps = Array.from({ length: plan.eventCount }, () => dayStart + msOfDay(rng))
  stamps.sort((a, b) => a - b)
  if (member.index === org.sameMsMemberIndex && stamps.length >= 2) stamps[1] = stamps[0]!
  return stamps.map((ts, seq) => drawEvent(rng, member, { ts, seq, dayStart }))
}

function msOfDay(rng: Random): number {
  return rng.pick(HOURS) * HOUR_MS + rng.int(0, HOUR_MS - 1)
}

function availableAt(rng: Random, ts: number, dayStart: number): number {
  const nextHour = (Math.floor(ts / HOUR_MS) + 1) * HOUR_MS
  if (!rng.chance(0.1)) return nextHour
  return Math.min(dayStart + 2 * DAY_MS, nextHour + rng.int(1, 30) * HOUR_MS)
}

/** Built as one literal (no spreads): a long history is ~200k of these. */
function drawEvent(
  rng: Random,
  member: CursorMember,
  at: { ts: number; seq: number; dayStart: number },
): RawEvent {
  const feature = rng.pick(FEATURES)
  const model = rng.chance(0.6) ? member.models[0]! : rng.pick(member.models)
  const outcome = drawOutcome(rng, member, feature)
  const maxMode = rng.chance(member.profile === 'heavy' ? 0.3 : 0.05)
  const isHeadless = rng.chance(0.05)
  const hasTokens = (outcome === 'billed' || outcome === 'byok') && rng.chance(0.85)
  const tokens = hasTokens ? drawTokens(rng, maxMode) : null
  const price = outcome === 'billed' ? priceEvent(rng, model, tokens, maxMode) : NOT_PRICED
  return {
    memberIndex: member.index,
    seq: at.seq,
    timestampMs: at.ts,
    availableAtMs: availableAt(rng, at.ts, at.dayStart),
    model,
    feature,
    outcome,
    maxMode,
    isHeadless,
    tokens,
    modelCostUnits: price.modelCostUnits,
    feeUnits: price.feeUnits,
    requestTenths: price.requestTenths,
  }
}

type Price = Pick<RawEvent, 'modelCostUnits' | 'feeUnits' | 'requestTenths'>
const NOT_PRICED: Price = { modelCostUnits: 0, feeUnits: 0, requestTenths: 0 }

/** Token-based: model cost + token fee, request units derived; else a request-unit price. */
function priceEvent(
  rng: Random,
  model: string,
  tokens: TokenCounts | null,
  maxMode: boolean,
): Price {
  if (tokens) {
    const cost = modelCostUnits(model, tokens, maxMode)
    const fee = tokenFeeUnits(tokens)
    const tenths = Math.max(1, Math.round((cost + fee) / UNITS_PER_REQUEST_TENTH))
    return { modelCostUnits: cost, feeUnits: fee, requestTenths: tenths }
  }
  const tenths = rng.pick(maxMode ? [20, 50] : [5, 10, 10, 14, 20])
  return { modelCostUnits: tenths * UNITS_PER_REQUEST_TENTH, feeUnits: 0, requestTenths: tenths }
}

function drawOutcome(rng: Random, member: CursorMember, feature: EventFeature): EventOutcome {
  if (feature === 'bugbot' && rng.chance(0.5)) return 'free-bugbot'
  const roll = rng.next()
  if (roll < 0.03) return 'errored'
  if (roll < 0.04) return 'aborted'
  if (member.hasOwnApiKey && roll < 0.44) return 'byok'
  return 'billed'
}

function drawTokens(rng: Random, maxMode: boolean): TokenCounts {
  const context = maxMode ? 2 : 1
  return {
    input: rng.int(50, 6_000) * context,
    output: rng.int(100, 5_000),
    cacheWrite: rng.int(0, 25_000),
    cacheRead: rng.int(0, 250_000) * context,
  }
}
