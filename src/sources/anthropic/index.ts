// The Anthropic source: the Admin API's cost report (the only dollar truth), messages usage
// (tokens by key/workspace/model), Claude Code analytics (per person per day; its estimated
// cost is an allocation weight only) and the id → name/person lists.

import type { Source } from '../source.js'
import { clientDeps, type VendorSourceDeps } from '../source-deps.js'
import { createAnthropicClient } from './client.js'
import type { AnthropicConfig } from './config.js'
import {
  apiKeysResource,
  organizationResource,
  usersResource,
  workspacesResource,
} from './dimensions.js'
import { claudeCodeResource, costReportResource, messagesUsageResource } from './reports.js'

export interface AnthropicSourceDeps extends VendorSourceDeps {
  /** Daily buckets per page (API default 7, max 31); tests lower it to exercise paging. */
  bucketsPerPage?: number
}

/** Returns undefined when no Admin API key is configured (the source is then off). */
export function createAnthropicSource(
  config: AnthropicConfig,
  deps: AnthropicSourceDeps,
): Source | undefined {
  if (!config.adminApiKey) return undefined
  const http = createAnthropicClient({
    apiKey: config.adminApiKey,
    baseUrl: config.baseUrl,
    requestsPerMinute: config.requestsPerMinute,
    ...clientDeps(deps, 'anthropic'),
  })
  const report = { lookbackDays: config.lookbackDays, bucketsPerPage: deps.bucketsPerPage ?? 31 }
  return {
    vendor: 'anthropic',
    title: 'Anthropic',
    http,
    concurrency: 3,
    resources: [
      organizationResource,
      workspacesResource,
      apiKeysResource,
      usersResource,
      costReportResource(report),
      messagesUsageResource(report),
      claudeCodeResource(report),
    ],
  }
}
