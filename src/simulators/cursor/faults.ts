// Cursor's faults on the shared engine: a scripted `path` matches exactly, background rates
// answer 429 (`Retry-After: 1`) and 503, and every failure carries Cursor's documented
// `{ error, message }` body unless the script gives another.

import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import {
  createFaultEngine,
  rollRates,
  type FailSpec,
  type FaultEngine,
  type FaultRates,
  type ScriptedFaults,
} from '../shared/faults.js'
import { injectFaults } from '../shared/inject-faults.js'
import { cursorError } from './errors.js'

/** `path`: only requests to exactly this path ('/teams/spend'). */
export type FaultSpec = FailSpec

export type FaultOptions = FaultRates
export type CursorFaults = ScriptedFaults<FaultSpec>

export function createCursorFaults(seed: number, rates: FaultRates = {}): FaultEngine<FaultSpec> {
  return createFaultEngine<FaultSpec>({
    seedKey: `cursor:${seed}:faults`,
    pathMatch: 'exact',
    background: (rng) => {
      const roll = rollRates(rng, rates)
      if (roll === 429) return { status: 429, retryAfterSeconds: 1 }
      return roll === '5xx' ? { status: 503 } : undefined
    },
  })
}

export function injectCursorFaults(engine: FaultEngine<FaultSpec>): MiddlewareHandler {
  return injectFaults(engine, {
    fail: (c, spec) => {
      if (spec.retryAfterSeconds !== undefined)
        c.header('Retry-After', String(spec.retryAfterSeconds))
      const body = spec.body ?? cursorError(spec.status)
      return c.json(body, spec.status as ContentfulStatusCode)
    },
  })
}
