// Starts every bundled vendor simulator for the demo (and benchmarks) and describes each by
// the environment that points the pipeline at it and the ground truth it can reconcile
// against. Adding a vendor simulator means adding one entry here.

import type { Day } from '../core/days.js'
import type { Money } from '../core/money.js'
import { startAnthropicSimulator } from './anthropic/index.js'
import { startCursorSimulator } from './cursor/index.js'
import { startGithubSimulator } from './github/index.js'
import { startOpenaiSimulator } from './openai/index.js'

export interface SimulatorOptions {
  seed?: number
  now?: () => Date
}

export interface DemoIdentity {
  identity: string
  /** The person's email when the vendor knows it; absent for service keys. */
  email?: string
  name?: string
}

export interface RunningSimulator {
  vendor: string
  title: string
  url: string
  /** Environment variables that point the pipeline at this simulator. */
  env: Record<string, string>
  /** Identities this vendor's org knows beyond the shared synthetic people (logins, other
   *  emails, service keys), for the demo's identity map. */
  identities(): DemoIdentity[]
  /** The simulator's true vendor-reported spend per UTC day (every day in range). */
  costByDay(from: Day, to: Day): Map<Day, Money>
  close(): Promise<void>
}

export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulator[]> {
  const anthropic = await startAnthropicSimulator({ seed: options.seed, now: options.now })
  // Cursor's real limit (20 requests/min per endpoint) would make a 90-day demo take minutes:
  // the demo relaxes it on both sides; test/integration/cursor-pacing.test.ts proves the real one.
  const cursor = await startCursorSimulator({
    seed: options.seed,
    now: options.now,
    rateLimit: { perMinute: 100_000 },
  })
  const openai = await startOpenaiSimulator({ seed: options.seed, now: options.now })
  const github = await startGithubSimulator({ seed: options.seed, now: options.now })
  return [
    {
      vendor: 'anthropic',
      title: 'Anthropic',
      url: anthropic.url,
      // The simulator has no rate limit worth pacing for.
      env: {
        ANTHROPIC_ADMIN_API_KEY: anthropic.apiKey,
        ANTHROPIC_BASE_URL: anthropic.url,
        AI_USAGE_ANTHROPIC_REQUESTS_PER_MINUTE: '100000',
      },
      identities: () => [],
      costByDay: (from, to) => anthropic.truth.costByDay(from, to),
      close: () => anthropic.close(),
    },
    {
      vendor: 'cursor',
      title: 'Cursor',
      url: cursor.url,
      env: {
        CURSOR_API_KEY: cursor.apiKey,
        CURSOR_BASE_URL: cursor.url,
        AI_USAGE_CURSOR_REQUESTS_PER_MINUTE: '100000',
        // Cursor Business list price; shows the seat line (basis invoiced) beside usage.
        AI_USAGE_CURSOR_SEAT_PRICE_USD: '40.00',
      },
      // Vendor-reported = on-demand charges (chargeable events), what cost_daily reports.
      identities: () =>
        cursor.truth.roster().map((m) => ({ identity: m.email, email: m.email, name: m.name })),
      costByDay: (from, to) => cursor.truth.chargedByDay(from, to),
      close: () => cursor.close(),
    },
    {
      vendor: 'openai',
      title: 'OpenAI',
      url: openai.url,
      env: {
        OPENAI_ADMIN_KEY: openai.apiKey,
        // The simulator serves the API under /v1, as OPENAI_BASE_URL conventionally includes it.
        OPENAI_BASE_URL: `${openai.url}/v1`,
        AI_USAGE_OPENAI_REQUESTS_PER_MINUTE: '100000',
      },
      // Service-account keys have no person: the map charges them to a team by key name.
      identities: () =>
        openai.truth.org.apiKeys
          .filter((k) => k.owner.type === 'service_account')
          .map((k) => ({ identity: k.name })),
      costByDay: (from, to) => openai.truth.costByDay(from, to),
      close: () => openai.close(),
    },
    {
      vendor: 'github',
      title: 'GitHub Copilot',
      url: github.url,
      env: {
        GITHUB_TOKEN: github.apiKey,
        GITHUB_API_URL: github.url,
        GITHUB_ORG: github.org,
        // The simulator does not enforce GitHub's 5,000/h unless asked; per-user premium calls
        // for a 90-day demo would otherwise be paced over most of an hour.
        AI_USAGE_GITHUB_REQUESTS_PER_HOUR: '100000000',
        // Copilot Business list price; adds seat lines (basis invoiced) from each day's snapshot.
        AI_USAGE_COPILOT_SEAT_PRICE_USD: '19',
      },
      // Vendor-reported = premium-request net spend; seat lines are invoiced, not reconciled.
      // Contractors' logins have no email and stay Unmapped, as they would in a real org.
      identities: () =>
        github.truth.org.people
          .filter((p) => p.email !== null)
          .map((p) => ({ identity: p.login, email: p.email ?? undefined, name: p.name })),
      costByDay: (from, to) => github.truth.premiumCostByDay(from, to),
      close: () => github.close(),
    },
  ]
}
