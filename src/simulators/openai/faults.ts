// OpenAI's faults on the shared engine: a scripted `path` matches exactly, background rates
// answer 429 and 503 with OpenAI's error body. OpenAI's 429s carry `retry-after-ms` and/or
// `retry-after`: a scripted fault sends exactly the headers it is given (none = the "no hint"
// case), a background 429 sends both.

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
import { faultBody } from './errors.js'

/** `path`: only requests to exactly this path ('/v1/organization/costs'). */
export interface FaultSpec extends FailSpec {
  /** Sent as `retry-after-ms`, which OpenAI's SDKs read first. */
  retryAfterMs?: number
}

export interface FaultOptions extends FaultRates {
  /** The hint background 429s send (default 1000 ms, and `retry-after: 1`). */
  retryAfterMs?: number
}

export type OpenaiFaults = ScriptedFaults<FaultSpec>

export function createOpenaiFaults(
  seed: number,
  options: FaultOptions = {},
): FaultEngine<FaultSpec> {
  return createFaultEngine<FaultSpec>({
    seedKey: `openai:${seed}:faults`,
    pathMatch: 'exact',
    background: (rng) => {
      const roll = rollRates(rng, options)
      if (roll === '5xx') return { status: 503 }
      if (roll !== 429) return undefined
      const ms = options.retryAfterMs ?? 1000
      return { status: 429, retryAfterMs: ms, retryAfterSeconds: Math.ceil(ms / 1000) }
    },
  })
}

/** Placed after auth, so a scripted fault is only consumed by an authenticated request. */
export function injectOpenaiFaults(engine: FaultEngine<FaultSpec>): MiddlewareHandler {
  return injectFaults(engine, {
    fail: (c, spec) => {
      const body = spec.body ?? faultBody(spec.status)
      return c.json(body, spec.status as ContentfulStatusCode, retryHeaders(spec))
    },
  })
}

function retryHeaders(spec: FaultSpec): Record<string, string> {
  const headers: Record<string, string> = {}
  if (spec.retryAfterSeconds !== undefined) headers['retry-after'] = String(spec.retryAfterSeconds)
  if (spec.retryAfterMs !== undefined) headers['retry-after-ms'] = String(spec.retryAfterMs)
  return headers
}
