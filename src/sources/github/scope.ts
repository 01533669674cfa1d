// Where a GitHub scope's Copilot endpoints live. An organization and an enterprise expose the
// same reports under different prefixes and names (`organization-1-day` vs `enterprise-1-day`);
// billing uses `/organizations/{org}` (not `/orgs`) and `/enterprises/{e}`. Everything else
// in the source is scope-agnostic and stores the owner (login or slug) as `owner`.

export type ScopeKind = 'organization' | 'enterprise'

export interface GithubScope {
  kind: ScopeKind
  /** The organization login or enterprise slug. */
  owner: string
}

export interface ScopePaths {
  aggregateReport: string
  usersReport: string
  seats: string
  premiumUsage: string
}

export function scopePaths(scope: GithubScope): ScopePaths {
  const owner = encodeURIComponent(scope.owner)
  if (scope.kind === 'organization') {
    const reports = `/orgs/${owner}/copilot/metrics/reports`
    return {
      aggregateReport: `${reports}/organization-1-day`,
      usersReport: `${reports}/users-1-day`,
      seats: `/orgs/${owner}/copilot/billing/seats`,
      premiumUsage: `/organizations/${owner}/settings/billing/premium_request/usage`,
    }
  }
  const reports = `/enterprises/${owner}/copilot/metrics/reports`
  return {
    aggregateReport: `${reports}/enterprise-1-day`,
    usersReport: `${reports}/users-1-day`,
    seats: `/enterprises/${owner}/copilot/billing/seats`,
    premiumUsage: `/enterprises/${owner}/settings/billing/premium_request/usage`,
  }
}

/** The scope named by the config (the schema guarantees exactly one is set). */
export function scopeOf(config: { org?: string; enterprise?: string }): GithubScope {
  if (config.org) return { kind: 'organization', owner: config.org.toLowerCase() }
  if (config.enterprise) return { kind: 'enterprise', owner: config.enterprise.toLowerCase() }
  throw new RangeError('GitHub source needs GITHUB_ORG or GITHUB_ENTERPRISE')
}
