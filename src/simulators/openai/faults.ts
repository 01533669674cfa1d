// Fault injection. Scripted faults (`failNext`, `truncateNext`) hit the next matching requests
// in order; background faults fire at the seeded `rate429`/`rate5xx` rates so a run is
// reproducible. OpenAI's 429s carry `retry-after-ms` and/or `retry-after`: a scripted fault
// sends exactly the headers it is given (none = the "no hint" case), a background 429 sends
// both. A fault replaces the response only: the data behind it never changes.

import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { faultBody } from './errors.js'

export interface FaultSpec {
  status: number
  /** Sent as `retry-after` (seconds). */
  retryAfterSeconds?: number
  /** Sent as `retry-after-ms`, which OpenAI's SDKs read first. */
  retryAfterMs?: number
  /** Default: OpenAI's error body for the status (`rate_limit_exceeded`, `server_error`). */
  body?: unknown
  /** Only requests to this exact path ('/v1/organization/costs'); default: any path. */
  path?: string
}

export interface FaultOptions {
  rate429?: number
  rate5xx?: number
  /** The hint background 429s send (default 1000 ms, and `retry-after: 1`). */
  retryAfterMs?: number
}

export interface OpenaiFaults {
  /** The next `count` matching authenticated requests get this response instead of the real one. */
  failNext(count: number, spec: FaultSpec): void
  /** The next `count` matching requests get 200 with their JSON body cut in half. */
  truncateNext(count: number, options?: { path?: string }): void
  /** Removes every scripted fault not yet used. */
  clear(): void
}

export type FaultDecision =
  | { kind: 'fail'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'truncate' }

interface Scripted {
  remaining: number
  path?: string
  decision: FaultDecision
}

export class FaultInjector implements OpenaiFaults {
  private scripted: Scripted[] = []
  private readonly rng: Random

  constructor(
    seed: number,
    private readonly options: FaultOptions = {},
  ) {
    this.rng = createRandom(hashSeed(`openai:${seed}:faults`))
  }

  failNext(count: number, spec: FaultSpec): void {
    const headers: Record<string, string> = {}
    if (spec.retryAfterSeconds !== undefined)
      headers['retry-after'] = String(spec.retryAfterSeconds)
    if (spec.retryAfterMs !== undefined) headers['retry-after-ms'] = String(spec.retryAfterMs)
    const decision = {
      kind: 'fail' as const,
      status: spec.status,
      body: spec.body ?? faultBody(spec.status),
      headers,
    }
    this.scripted.push({ remaining: count, path: spec.path, decision })
  }

  truncateNext(count: number, options: { path?: string } = {}): void {
    this.scripted.push({ remaining: count, path: options.path, decision: { kind: 'truncate' } })
  }

  clear(): void {
    this.scripted = []
  }

  /** The fault for this request, if any (consumes one scripted use). */
  decide(path: string): FaultDecision | undefined {
    const entry = this.scripted.find(
      (s) => s.remaining > 0 && (s.path === undefined || s.path === path),
    )
    if (entry) {
      entry.remaining -= 1
      this.scripted = this.scripted.filter((s) => s.remaining > 0)
      return entry.decision
    }
    return this.background()
  }

  private background(): FaultDecision | undefined {
    // One roll per request whatever the rates, so the sequence is the same for a given seed.
    const roll = this.rng.next()
    const rate429 = this.options.rate429 ?? 0
    const rate5xx = this.options.rate5xx ?? 0
    if (roll < rate429) {
      const ms = this.options.retryAfterMs ?? 1000
      const headers = { 'retry-after-ms': String(ms), 'retry-after': String(Math.ceil(ms / 1000)) }
      return { kind: 'fail', status: 429, body: faultBody(429), headers }
    }
    if (roll < rate429 + rate5xx)
      return { kind: 'fail', status: 503, body: faultBody(503), headers: {} }
    return undefined
  }
}
