// Starts the GitHub Copilot simulator: usage-metrics reports behind signed download links,
// seat assignments, premium-request billing, rate limits and faults, over a seeded org.
// The org is anchored to the UTC day of the first `now`, so a session's clock can move
// (links expire, seats change, recent days grow) while older days stay byte-for-byte stable.

import { hashSeed } from '../shared/random.js'
import { resolveSimulatorOptions, type VendorSimulatorOptions } from '../shared/options.js'
import { startServer } from '../shared/server.js'
import { createGithubApp, type RequestLogEntry } from './app.js'
import { DEFAULT_TOKEN } from './catalog.js'
import { createGithubData } from './data.js'
import { createFaults, type FaultRates, type GithubFaults } from './faults.js'
import { createLinkSigner } from './links.js'
import { buildGithubOrg } from './org.js'
import type { RateLimitOptions } from './rate-limit.js'
import { createGithubTruth, type GithubTruth } from './truth.js'

export type { RequestLogEntry } from './app.js'
export type { FailOptions, GithubFaults } from './faults.js'
export type { GithubTruth } from './truth.js'
export type { CopilotSeatHolder, GithubOrg, GithubTeam } from './org.js'
export type { RateLimitOptions } from './rate-limit.js'

/** `apiKey` is the token the server accepts (default a clearly fake `ghp_SIMULATOR…`). */
export interface GithubSimulatorOptions extends VendorSimulatorOptions {
  faults?: FaultRates
  /** The "Copilot usage metrics" policy; false ⇒ report endpoints answer 403 (default true). */
  metricsPolicyEnabled?: boolean
  /** Lifetime of a report download link on the simulator clock (default 5 minutes). */
  linkTtlMs?: number
  /** Lines per NDJSON report file (default 8, so a weekday's users report spans 2+ files). */
  linesPerFile?: number
  /** Enforce a primary rate limit per token; headers are sent either way. */
  rateLimit?: RateLimitOptions
}

export interface GithubSimulator {
  /** 'http://127.0.0.1:PORT' — the API base URL (GitHub's is https://api.github.com). */
  url: string
  apiKey: string
  /** The organization login and enterprise slug the paths expect. */
  org: string
  enterprise: string
  truth: GithubTruth
  faults: GithubFaults
  requests: RequestLogEntry[]
  /** Flip the metrics policy while running (an admin disabling it mid-backfill). */
  setMetricsPolicyEnabled(enabled: boolean): void
  close(): Promise<void>
}

/**
 * @example
 * const sim = await startGithubSimulator({ seed: 7, now: () => new Date('2026-03-15T12:00:00Z') })
 * const res = await fetch(`${sim.url}/orgs/${sim.org}/copilot/metrics/reports/users-1-day?day=2026-03-10`,
 *   { headers: { authorization: `Bearer ${sim.apiKey}` } })
 */
export async function startGithubSimulator(
  options: GithubSimulatorOptions = {},
): Promise<GithubSimulator> {
  const resolved = resolveSimulatorOptions(options, DEFAULT_TOKEN)
  const { seed, now, apiKey: token, port } = resolved
  const nowMs = () => now().getTime()
  const org = buildGithubOrg(resolved.org)
  const data = createGithubData(org)
  const settings = {
    metricsPolicyEnabled: options.metricsPolicyEnabled ?? true,
    linkTtlMs: options.linkTtlMs ?? 300_000,
  }
  const faults = createFaults(seed, options.faults ?? {}, nowMs)
  const requests: RequestLogEntry[] = []
  const app = createGithubApp({
    data,
    signer: createLinkSigner(`github-simulator:${seed}:${hashSeed(`${seed}:links`)}`),
    settings,
    linesPerFile: options.linesPerFile ?? 8,
    token,
    nowMs,
    rateLimit: options.rateLimit,
    faults: faults.middleware,
    requests,
  })
  const server = await startServer(app, port)
  return {
    url: server.url,
    apiKey: token,
    org: org.login,
    enterprise: org.enterprise.slug,
    truth: createGithubTruth(data, nowMs),
    faults: faults.api,
    requests,
    setMetricsPolicyEnabled: (enabled) => void (settings.metricsPolicyEnabled = enabled),
    close: () => server.close(),
  }
}
