// The fault engine every vendor simulator uses: scripted faults (the next N matching requests
// fail, or answer 200 with a cut-off body) win over seeded background faults, so a run is
// reproducible. The engine only decides; each vendor renders a failure in its own error body
// and headers (inject-faults.ts), draws its own background faults, and says how a scripted
// `path` selects requests, because the four simulators grew three rules and tests rely on each.

import { createRandom, hashSeed, type Random } from './random.js'

/** What every vendor's failure spec carries: which requests it applies to (default: all). */
export interface PathScoped {
  path?: string
}

/** The failure every vendor can script; vendors extend it (OpenAI's retry-after-ms, GitHub's
 *  primary limit) and render it in their own error body. */
export interface FailSpec extends PathScoped {
  status: number
  /** Sent as `retry-after` (seconds); omit it for a 429 without a hint. */
  retryAfterSeconds?: number
  /** Replaces the vendor's documented error body for the status. */
  body?: unknown
}

export interface ScriptedFaults<Spec extends PathScoped> {
  /** The next `count` matching requests get this failure instead of the real response. */
  failNext(count: number, spec: Spec): void
  /** The next `count` matching requests get 200 with the first half of the real body. */
  truncateNext(count: number, options?: PathScoped): void
  /** Scripted faults not yet consumed. */
  pending(): number
  /** Removes every scripted fault not yet used. */
  clear(): void
}

export type FaultDecision<Spec> = { kind: 'fail'; spec: Spec } | { kind: 'truncate' }

export interface FaultEngine<Spec extends PathScoped> extends ScriptedFaults<Spec> {
  /** The fault for a request to `path`, if any (consumes one scripted use). */
  decide(path: string): FaultDecision<Spec> | undefined
}

/** How a scripted `path` selects request paths. */
export type PathMatch = 'prefix' | 'exact' | 'substring'

export interface FaultEngineOptions<Spec> {
  /** Seeds the background stream; each vendor keeps its own key so its sequence is unchanged. */
  seedKey: string
  pathMatch: PathMatch
  /** The background failure of an unscripted request, drawn from the seeded stream. */
  background: (rng: Random, path: string) => Spec | undefined
}

/** Seeded background rates (0–1 each), the options every simulator takes. */
export interface FaultRates {
  rate429?: number
  rate5xx?: number
}

interface Scripted<Spec> {
  remaining: number
  path?: string
  decision: FaultDecision<Spec>
}

const MATCHERS: Readonly<Record<PathMatch, (path: string, scripted: string) => boolean>> = {
  prefix: (path, scripted) => path.startsWith(scripted),
  exact: (path, scripted) => path === scripted,
  substring: (path, scripted) => path.includes(scripted),
}

export function createFaultEngine<Spec extends PathScoped>(
  options: FaultEngineOptions<Spec>,
): FaultEngine<Spec> {
  let scripted: Scripted<Spec>[] = []
  const rng = createRandom(hashSeed(options.seedKey))
  const matches = MATCHERS[options.pathMatch]
  const add = (count: number, path: string | undefined, decision: FaultDecision<Spec>) => {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError('fault count must be a positive integer')
    scripted.push({ remaining: count, decision, ...(path !== undefined && { path }) })
  }
  const take = (entry: Scripted<Spec>) => {
    entry.remaining -= 1
    if (entry.remaining === 0) scripted = scripted.filter((s) => s !== entry)
    return entry.decision
  }
  return {
    failNext: (count, spec) => add(count, spec.path, { kind: 'fail', spec }),
    truncateNext: (count, scope = {}) => add(count, scope.path, { kind: 'truncate' }),
    pending: () => scripted.reduce((n, s) => n + s.remaining, 0),
    clear: () => void (scripted = []),
    decide: (path) => {
      const entry = scripted.find((s) => s.path === undefined || matches(path, s.path))
      if (entry) return take(entry)
      const spec = options.background(rng, path)
      return spec === undefined ? undefined : { kind: 'fail', spec }
    },
  }
}

/**
 * One roll per request whatever the rates, so the same seed gives the same sequence: below
 * `rate429` a 429, then up to `rate429 + rate5xx` a 5xx (which one is the vendor's choice).
 */
export function rollRates(rng: Random, rates: FaultRates): 429 | '5xx' | undefined {
  const roll = rng.next()
  const rate429 = rates.rate429 ?? 0
  if (roll < rate429) return 429
  if (roll < rate429 + (rates.rate5xx ?? 0)) return '5xx'
  return undefined
}
