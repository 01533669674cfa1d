// Anthropic's faults on the shared engine: a scripted `path` matches by prefix, and seeded
// background rates answer 429 (`retry-after`) and 500/529. A scripted 429 without
// `retryAfterSeconds` is the spend-cap 429, which has no hint. A string `body` is sent as is.
// The error body is rendered in app.ts, which owns the request id the body repeats.

import {
  createFaultEngine,
  rollRates,
  type FailSpec,
  type FaultEngine,
  type FaultRates,
  type ScriptedFaults,
} from '../shared/faults.js'

export type { FailSpec } from '../shared/faults.js'

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
