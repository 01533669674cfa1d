// Anthropic's faults on the shared engine: scripted faults match by path prefix, and seeded
// background rates answer 429 (`retry-after`) and 500/529. The error body is rendered in
// app.ts, which owns the request id the body repeats.

import {
  createFaultEngine,
  rollRates,
  type FaultEngine,
  type FaultRates,
} from '../shared/faults.js'
import type { ScriptedFaults } from '../shared/faults.js'

export interface FailSpec {
  status: number
  /** Sends a `retry-after` header. Omit it for the spend-cap 429, which has none. */
  retryAfterSeconds?: number
  /** Replaces the documented error body (an object is sent as JSON, a string as is). */
  body?: unknown
  /** Only requests whose path starts with this are affected (default: every path). */
  path?: string
}

export interface AnthropicFaultOptions extends FaultRates {
  /** retry-after on random 429s (default 1). */
  retryAfterSeconds?: number
}

export type AnthropicFaults = ScriptedFaults<FailSpec>

export function createFaults(
  seed: number,
  options: AnthropicFaultOptions = {},
): FaultEngine<FailSpec> {
  return createFaultEngine<FailSpec>({
    seedKey: `${seed}:faults`,
    pathMatch: 'prefix',
    background: (rng) => {
      const roll = rollRates(rng, options)
      if (roll === 429) return { status: 429, retryAfterSeconds: options.retryAfterSeconds ?? 1 }
      if (roll === '5xx') return { status: rng.chance(0.5) ? 500 : 529 }
      return undefined
    },
  })
}
