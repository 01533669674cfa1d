// The OpenAI source: the organization admin API's costs (daily, by project × line item × API
// key — the only dollar truth), every usage endpoint (tokens, requests, images, seconds, …, one
// table each) and the lists that map keys and users to people (projects, users, project keys).

import type { Source } from '../source.js'
import { clientDeps, type VendorSourceDeps } from '../source-deps.js'
import { createOpenaiClient } from './client.js'
import type { OpenaiConfig } from './config.js'
import { costsResource } from './costs.js'
import { apiKeysResource, projectsResource, usersResource } from './dimensions.js'
import { USAGE_ENDPOINTS } from './usage-endpoints.js'
import { usageResource } from './usage.js'

export interface OpenaiSourceDeps extends VendorSourceDeps {
  /** Daily buckets per page (usage max 31, costs max 180); tests lower it to exercise paging. */
  bucketsPerPage?: number
}

/** Returns undefined when no Admin key is configured (the source is then off). */
export function createOpenaiSource(
  config: OpenaiConfig,
  deps: OpenaiSourceDeps,
): Source | undefined {
  if (!config.adminKey) return undefined
  const http = createOpenaiClient({
    adminKey: config.adminKey,
    baseUrl: config.baseUrl,
    requestsPerMinute: config.requestsPerMinute,
    ...clientDeps(deps, 'openai'),
  })
  const report = { lookbackDays: config.lookbackDays, bucketsPerPage: deps.bucketsPerPage ?? 31 }
  return {
    vendor: 'openai',
    title: 'OpenAI',
    http,
    concurrency: 3,
    resources: [
      projectsResource,
      usersResource,
      apiKeysResource,
      costsResource({ ...report, byApiKey: config.costsByApiKey }),
      ...USAGE_ENDPOINTS.map((e) => usageResource(e, report)),
    ],
  }
}
