// Fault injection. Scripted faults (`failNext`, `truncateNext`) hit the next matching requests
// in order; background faults fire at the seeded `rate429`/`rate5xx` rates so a run is
// reproducible. A fault replaces the response only: the data behind it never changes.

import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { cursorError } from './errors.js'

export interface FaultSpec {
  status: number
  retryAfterSeconds?: number
  /** Default: the documented error body for the status. */
  body?: unknown
  /** Only requests to this exact path ('/teams/spend'); default: any path. */
  path?: string
}

export interface FaultOptions {
  rate429?: number
  rate5xx?: number
}

export interface CursorFaults {
  /** The next `count` matching requests get this response instead of the real one. */
  failNext(count: number, spec: FaultSpec): void
  /** The next `count` matching requests get 200 with a JSON body cut in half. */
  truncateNext(count: number, options?: { path?: string }): void
  /** Removes every scripted fault not yet used. */
  clear(): void
}

export type FaultDecision =
  { kind: 'fail'; status: number; body: unknown; retryAfterSeconds?: number } | { kind: 'truncate' }

interface Scripted {
  remaining: number
  path?: string
  decision: FaultDecision
}

export class FaultInjector implements CursorFaults {
  private scripted: Scripted[] = []
  private readonly rng: Random

  constructor(
    seed: number,
    private readonly options: FaultOptions = {},
  ) {
    this.rng = createRandom(hashSeed(`cursor:${seed}:faults`))
  }

  failNext(count: number, spec: FaultSpec): void {
    const body = spec.body ?? cursorError(spec.status)
    const decision = {
      kind: 'fail' as const,
      status: spec.status,
      body,
      retryAfterSeconds: spec.retryAfterSeconds,
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
    if (roll < rate429)
      return { kind: 'fail', status: 429, body: cursorError(429), retryAfterSeconds: 1 }
    if (roll < rate429 + rate5xx) return { kind: 'fail', status: 503, body: cursorError(503) }
    return undefined
  }
}
