// Seeded identifiers and timestamps in the shapes the OpenAI organization API uses
// ('proj_…', 'user-…', 'key_…', 'svc_acct_…', 'vs_…', Unix seconds). Drawn from the org's random
// stream, so the same seed always yields the same ids.

import { startOfDayMs, type Day } from '../../core/days.js'
import { randomChars as chars, type Random } from '../shared/random.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789'

export type IdKind = 'project' | 'user' | 'apiKey' | 'serviceAccount' | 'vectorStore'

const SHAPES: Record<IdKind, [prefix: string, length: number]> = {
  project: ['proj_', 24],
  user: ['user-', 24],
  apiKey: ['key_', 16],
  serviceAccount: ['svc_acct_', 24],
  vectorStore: ['vs_', 24],
}

export function openaiId(rng: Random, kind: IdKind): string {
  const [prefix, length] = SHAPES[kind]
  return `${prefix}${chars(rng, ALNUM, length)}`
}

/** What the API shows instead of a project key: 'sk-proj-abc…wxyz'-like, never a usable key. */
export function redactedKey(rng: Random): string {
  return `sk-proj-${chars(rng, LOWER, 3)}...${chars(rng, LOWER, 4)}`
}

/** A random instant on `day` (and after `notBefore`, when that falls on the day), in Unix seconds. */
export function unixOn(rng: Random, day: Day, notBefore = 0): number {
  const start = startOfDayMs(day) / 1000
  const last = start + 86_399
  return rng.int(Math.min(last, Math.max(start, notBefore + 1)), last)
}
