// The GitHub Copilot source: the usage metrics reports (org or enterprise aggregate and per
// user, per day, behind signed download links), seat assignments snapshotted each run, and
// premium-request billing per day, user and model (the only dollar figure GitHub reports).

import type { Clock } from '../../core/clock.js'
import type { Logger } from '../../core/logger.js'
import type { RetryPolicy } from '../../http/retry.js'
import type { Source } from '../source.js'
import { createGithubClient } from './client.js'
import type { GithubConfig } from './config.js'
import { premiumRequestsResource } from './premium.js'
import { usageMetricsResource, userMetricsResource } from './reports.js'
import { scopeOf } from './scope.js'
import { seatsResource } from './seats.js'

export interface GithubSourceDeps {
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
  /** Tests shorten retries; production keeps the shared defaults. */
  retry?: RetryPolicy
}

/** Returns undefined (the source is off) without a token, or without an org or enterprise. */
export function createGithubSource(
  config: GithubConfig,
  deps: GithubSourceDeps,
): Source | undefined {
  if (!config.token) return undefined
  if (!config.org && !config.enterprise) {
    deps.logger.warn('source.off', {
      vendor: 'github',
      reason: 'GITHUB_TOKEN is set but neither GITHUB_ORG nor GITHUB_ENTERPRISE',
    })
    return undefined
  }
  const scope = scopeOf(config)
  const http = createGithubClient({
    token: config.token,
    apiUrl: config.apiUrl,
    apiVersion: config.apiVersion,
    requestsPerHour: config.requestsPerHour,
    clock: deps.clock,
    logger: deps.logger.child({ vendor: 'github' }),
    fetch: deps.fetch,
    retry: deps.retry,
  })
  const reports = { scope, lookbackDays: config.lookbackDays }
  return {
    vendor: 'github',
    title: 'GitHub Copilot',
    http,
    // One hourly budget per token is shared by every endpoint; two at once is plenty.
    concurrency: 2,
    resources: [
      seatsResource({ scope, seatPriceUsd: config.seatPriceUsd }),
      usageMetricsResource(reports),
      userMetricsResource(reports),
      premiumRequestsResource({
        ...reports,
        attributeToUsers: config.attributePremiumToUsers,
      }),
    ],
  }
}
