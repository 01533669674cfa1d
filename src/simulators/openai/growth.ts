// How a day's usage arrives. Each daily fact is spread over the day's UTC hours (a fixed diurnal
// profile) and each hour over its minutes, with exact integer splits, so 1m, 1h and 1d buckets
// always add up. An hour is served once it has ended, first at 60% and growing linearly to 100%
// a day later: day D is final once now ≥ D + 2 days and a second pull of a recent day differs.

import { startOfDayMs, type Day } from '../../core/days.js'
import { createRandom, hashSeed } from '../shared/random.js'
import { DAY_MS, HOUR_MS } from '../shared/days.js'

export const PERMILLE = 1000
const FIRST_PERMILLE = 600

/** Relative activity per UTC hour: quiet at night in the Americas, busiest in their afternoon. */
export const HOUR_WEIGHTS: readonly number[] = [
  5, 4, 3, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 14, 13, 12, 10, 9, 7, 6,
]

/** Splits `total` in proportion to integer `weights`, exactly (largest remainder, ties first). */
export function splitInt(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((s, w) => s + w, 0)
  const parts = weights.map((w) => Math.floor((total * w) / weightSum))
  let remainder = total - parts.reduce((s, p) => s + p, 0)
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % weightSum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i)
  for (const { i } of order) {
    if (remainder <= 0) break
    parts[i] = (parts[i] ?? 0) + 1
    remainder -= 1
  }
  return parts
}

/** Seeded per-minute weights of one hour (1–9 each), the same for every fact in that hour. */
export function minuteWeights(seed: number, day: Day, hour: number): number[] {
  const rng = createRandom(hashSeed(`${seed}:openai-minutes:${day}:${hour}`))
  return Array.from({ length: 60 }, () => rng.int(1, 9))
}

/** How much of hour `hour` of `day` is served at `nowMs`, in permille (0 before it ends). */
export function hourPermille(day: Day, hour: number, nowMs: number): number {
  const age = nowMs - (startOfDayMs(day) + (hour + 1) * HOUR_MS)
  if (age < 0) return 0
  if (age >= DAY_MS) return PERMILLE
  return FIRST_PERMILLE + Math.floor(((PERMILLE - FIRST_PERMILLE) * age) / DAY_MS)
}

export function scaleCount(n: number, permille: number): number {
  return Math.floor((n * permille) / PERMILLE)
}

/** Every hour of `day` is final at `nowMs` (now ≥ D + 2 days). */
export function isDayFinal(day: Day, nowMs: number): boolean {
  return nowMs >= startOfDayMs(day) + 2 * DAY_MS
}

/** `day` has ended (storage for the whole day is billed). */
export function isDayOver(day: Day, nowMs: number): boolean {
  return nowMs >= startOfDayMs(day) + DAY_MS
}
