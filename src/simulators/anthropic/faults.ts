// Fault injection: scripted faults (the next N matching requests fail, or answer 200 with a
// cut-off body) and seeded background rates of 429 (`retry-after`) and 500/529. Scripted
// faults win over random ones. Faults only change responses, never the data behind them.

import { createRandom, hashSeed } from '../shared/random.js'

export interface FailSpec {
  status: number
  /** Sends a `retry-after` header. Omit it for the spend-cap 429, which has none. */
  retryAfterSeconds?: number
  /** Replaces the documented error body (an object is sent as JSON, a string as is). */
  body?: unknown
  /** Only requests whose path starts with this are affected (default: every path). */
  path?: string
}

export interface AnthropicFaultOptions {
  /** Share of requests answered 429 rate_limit_error (0–1). */
  rate429?: number
  /** Share of requests answered 500 api_error or 529 overloaded_error (0–1). */
  rate5xx?: number
  /** retry-after on random 429s (default 1). */
  retryAfterSeconds?: number
}

export interface AnthropicFaults {
  failNext(count: number, spec: FailSpec): void
  truncateNext(count: number, options?: { path?: string }): void
  /** Scripted faults not yet consumed. */
  pending(): number
  clear(): void
}

export type FaultDecision =
  | { kind: 'fail'; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'truncate' }

export interface FaultEngine extends AnthropicFaults {
  /** The fault for this request, if any (consumes a scripted one). */
  decide(path: string): FaultDecision | undefined
}

interface Scripted {
  remaining: number
  path?: string
  decision: FaultDecision
}

export function createFaults(seed: number, options: AnthropicFaultOptions = {}): FaultEngine {
  const scripted: Scripted[] = []
  const rng = createRandom(hashSeed(`${seed}:faults`))
  const add = (count: number, path: string | undefined, decision: FaultDecision) => {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError('fault count must be a positive integer')
    scripted.push({ remaining: count, decision, ...(path !== undefined && { path }) })
  }
  const random = (): FaultDecision | undefined => {
    const roll = rng.next()
    const rate429 = options.rate429 ?? 0
    if (roll < rate429)
      return { kind: 'fail', status: 429, retryAfterSeconds: options.retryAfterSeconds ?? 1 }
    if (roll < rate429 + (options.rate5xx ?? 0))
      return { kind: 'fail', status: rng.chance(0.5) ? 500 : 529 }
    return undefined
  }
  return {
    ...scriptedApi(add),
    pending: () => scripted.reduce((n, s) => n + s.remaining, 0),
    clear: () => void scripted.splice(0),
    decide: (path) => {
      const match = scripted.find((s) => s.path === undefined || path.startsWith(s.path))
      if (!match) return random()
      match.remaining -= 1
      if (match.remaining === 0) scripted.splice(scripted.indexOf(match), 1)
      return match.decision
    },
  }
}

function scriptedApi(
  add: (count: number, path: string | undefined, decision: FaultDecision) => void,
) {
  return {
    failNext(count: number, spec: FailSpec) {
      const { path, ...fail } = spec
      add(count, path, { kind: 'fail', ...fail })
    },
    truncateNext(count: number, options: { path?: string } = {}) {
      add(count, options.path, { kind: 'truncate' })
    },
  }
}
