// The Cursor source: team members, daily usage (dense: a row per seat per day), the current
// billing cycle's spend (a snapshot per run, never summed) and filtered usage events (the money
// truth: per-request chargedCents), plus the configured seat price per day. Every endpoint is
// paced under Cursor's 20 requests/minute, so a 90-day backfill slows down instead of failing.

import type { Resource, Source } from '../source.js'
import { clientDeps, type VendorSourceDeps } from '../source-deps.js'
import { createCursorClient } from './client.js'
import type { CursorConfig } from './config.js'
import { dailyUsageResource, membersResource, spendResource } from './resources.js'
import { seatPricesResource } from './seat-prices.js'
import { usageEventsResource } from './usage-events.js'

export interface CursorSourceDeps extends VendorSourceDeps {
  /** Events per page (default 500); tests lower it to exercise paging. */
  eventsPageSize?: number
  /** Users per daily-usage page (default 100). */
  usersPerPage?: number
  /** The pacer's window in ms (default a minute plus a margin); real-time tests shrink it. */
  rateWindowMs?: number
}

/** Returns undefined when no Admin API key is configured (the source is then off). */
export function createCursorSource(
  config: CursorConfig,
  deps: CursorSourceDeps,
): Source | undefined {
  if (!config.apiKey) return undefined
  const http = createCursorClient({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    requestsPerMinute: config.requestsPerMinute,
    windowMs: deps.rateWindowMs,
    ...clientDeps(deps, 'cursor'),
  })
  const { lookbackDays } = config
  const resources: Resource[] = [
    membersResource,
    dailyUsageResource({ lookbackDays, usersPerPage: deps.usersPerPage ?? 100 }),
    spendResource,
    usageEventsResource({ lookbackDays, pageSize: deps.eventsPageSize ?? 500 }),
  ]
  if (config.seatPriceUsd !== undefined) {
    const billingDay = config.seatBillingDay
    resources.push(
      seatPricesResource({ lookbackDays, monthlyPriceUsd: config.seatPriceUsd, billingDay }),
    )
  }
  // One resource per endpoint, and Cursor limits per endpoint: all can run at once.
  return { vendor: 'cursor', title: 'Cursor', http, concurrency: resources.length, resources }
}
