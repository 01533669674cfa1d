// The errors of the report endpoints, rewritten to say what to do. A 403 on a report is almost
// always the "Copilot usage metrics" policy being off or a token without the metrics
// permission; GitHub's own message is short, so ours names the setting and the scopes. A 404
// is a day GitHub has no report for (before 2025-10-10, older than a year) or a wrong scope.

import { PipelineError } from '../../core/errors.js'
import type { GithubScope } from './scope.js'

/** The report request an error is about. */
export interface ReportWhere {
  scope: GithubScope
  path: string
  day: string
}

/** Turns a failed report request into an actionable error; other errors pass through. */
export function reportAccessError(error: unknown, req: ReportWhere): unknown {
  if (!(error instanceof PipelineError)) return error
  const status = error.context.status
  const context = { vendor: 'github', day: req.day, status, endpoint: req.path }
  if (status === 403 && error.code === 'SOURCE_AUTH') {
    const policyOff = /disabled/i.test(error.message)
    return new PipelineError('SOURCE_AUTH', metricsAccessMessage(req.scope, policyOff), {
      cause: error,
      context,
    })
  }
  if (status === 404) {
    const message = `github has no Copilot usage report for ${req.day} at ${req.path} (HTTP 404): reports exist from 2025-10-10 for one year, up to yesterday; otherwise check that ${scopeEnv(req.scope)} names the ${req.scope.kind} that holds the Copilot subscription`
    return new PipelineError('SOURCE_HTTP', message, { cause: error, context })
  }
  return error
}

export function metricsAccessMessage(scope: GithubScope, policyOff: boolean): string {
  const what = `${scope.kind} "${scope.owner}"`
  const cause = policyOff
    ? `the Copilot usage metrics API is disabled for ${what}`
    : `the token may not read Copilot usage metrics of ${what}`
  const token =
    scope.kind === 'organization'
      ? 'a token of an organization owner (or of a user with the "View Organization Copilot Metrics" role) with the fine-grained permission "Organization Copilot metrics: read", or the classic scope read:org'
      : 'a token of an enterprise owner or billing manager (or of a user with the "View Enterprise Copilot Metrics" role) with the fine-grained permission "Enterprise Copilot metrics: read", or the classic scope manage_billing:copilot or read:enterprise'
  return `github refused the Copilot usage metrics report (HTTP 403): ${cause}. To fix: an enterprise owner sets the "Copilot usage metrics" policy to "Enabled everywhere" (Enterprise settings → AI controls → Copilot), and GITHUB_TOKEN must be ${token}. Seats and premium-request billing are read without it.`
}

export function staleLinksError(req: ReportWhere, attempts: number, reason: string) {
  const message = `github report ${req.path} for ${req.day}: the download links were unusable ${attempts} times in a row (${reason}); the links expire minutes after they are issued, so check that nothing slows downloads (proxy, clock skew) and run again`
  return new PipelineError('SOURCE_HTTP', message, {
    retryable: true,
    context: { vendor: 'github', day: req.day, attempts },
  })
}

function scopeEnv(scope: GithubScope): string {
  return scope.kind === 'organization' ? 'GITHUB_ORG' : 'GITHUB_ENTERPRISE'
}
