// GitHub's faults on the shared engine. Scripted faults (`failNext`, `truncateNext`) hit the next
// requests whose path contains the given string, download links included; background rates
// (seeded, so a run is reproducible) hit only API routes, never blob downloads. A 403/429 is
// shaped as GitHub's secondary limit (retry-after) unless `primary: true`, which mimics an
// exhausted hourly budget (x-ratelimit-remaining: 0).

import type { Context, MiddlewareHandler } from 'hono'
import {
  createFaultEngine,
  type FailSpec,
  type FaultRates,
  type ScriptedFaults,
} from '../shared/faults.js'
import { injectFaults } from '../shared/inject-faults.js'
import { DOCS } from './catalog.js'
import { STORAGE_PREFIX } from './links.js'

/** `path`: requests whose path contains it. A string `body` is sent as text/plain. */
export interface FailOptions extends FailSpec {
  /** Shape a 403/429 as the primary (hourly) limit instead of a secondary limit. */
  primary?: boolean
}

export type GithubFaults = ScriptedFaults<FailOptions>
export type { FaultRates } from '../shared/faults.js'

export const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

export function createFaults(seed: number, rates: FaultRates, nowMs: () => number) {
  const engine = createFaultEngine<FailOptions>({
    seedKey: `${seed}:github-faults`,
    pathMatch: 'substring',
    background: (rng, path) => {
      // Two independent rolls, and none for a download: the sequence tests were seeded with.
      if (path.startsWith(STORAGE_PREFIX)) return undefined
      if (rates.rate429 && rng.chance(rates.rate429)) return { status: 429, retryAfterSeconds: 1 }
      if (rates.rate5xx && rng.chance(rates.rate5xx)) return { status: 502 }
      return undefined
    },
  })
  const middleware: MiddlewareHandler = injectFaults(engine, {
    fail: (c, spec) => failResponse(c, spec, nowMs()),
  })
  const api: GithubFaults = engine
  return { api, middleware }
}

function failResponse(c: Context, o: FailOptions, nowMs: number): Response {
  const headers: Record<string, string> = {}
  if (o.retryAfterSeconds !== undefined) headers['retry-after'] = String(o.retryAfterSeconds)
  if (o.primary) {
    headers['x-ratelimit-limit'] = '5000'
    headers['x-ratelimit-remaining'] = '0'
    headers['x-ratelimit-used'] = '5000'
    headers['x-ratelimit-reset'] = String(Math.floor(nowMs / 1000) + (o.retryAfterSeconds ?? 60))
    headers['x-ratelimit-resource'] = 'core'
  }
  const body = o.body ?? {
    message: defaultMessage(o),
    documentation_url: `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const type =
    typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'
  return new Response(text, { status: o.status, headers: { ...headers, 'content-type': type } })
}

function defaultMessage(o: FailOptions): string {
  if (o.primary) return 'API rate limit exceeded for user ID 1. (simulated)'
  if (o.status === 429 || o.status === 403) return SECONDARY_MESSAGE
  if (o.status >= 500) return o.status === 503 ? 'Service Unavailable' : 'Server Error'
  return 'Simulated failure'
}
