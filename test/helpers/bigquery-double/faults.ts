// Scripted fault injection: `failNext(count, spec)` makes the next `count` matching requests
// fail with a BigQuery-shaped error. By default the failure is an HTTP error (what the client
// retries on its own for 429/5xx and rateLimitExceeded); `as: 'job'` instead creates the job
// and marks it DONE with status.errorResult, the way BigQuery reports most job-level quota
// errors ("Exceeded rate limits: too many table update operations").

import { BigQueryError, STATUS_BY_REASON } from './errors.js'

export interface FaultRequest {
  method: string
  path: string
  /** REST method name: 'jobs.insert', 'jobs.query', 'jobs.upload', 'tables.get', … */
  api: string
  query: Record<string, string>
  body?: unknown
  /** The job configuration of jobs.insert / uploads (`{ query: … }` or `{ load: … }`). */
  jobConfig?: Record<string, unknown>
}

export interface FaultSpec {
  /** Default: BigQuery's status for the reason (rateLimitExceeded → 403, backendError → 503). */
  status?: number
  /** Default 'backendError'. */
  reason?: string
  message?: string
  match?: (request: FaultRequest) => boolean
  /** 'http' (default) answers with an error; 'job' (jobs.insert/uploads only) records a
   *  failed job and answers 200. */
  as?: 'http' | 'job'
}

const DEFAULT_MESSAGES: Record<string, string> = {
  rateLimitExceeded:
    'Exceeded rate limits: too many table update operations for this table. ' +
    'For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
  backendError: 'Backend error. Job aborted.',
  quotaExceeded:
    'Quota exceeded: Your table exceeded quota for imports or query appends per table.',
  internalError: 'An internal error occurred and the request could not be completed.',
}

export interface InjectedFault {
  error: BigQueryError
  as: 'http' | 'job'
}

export class Faults {
  private readonly scripted: { remaining: number; spec: FaultSpec }[] = []

  failNext(count: number, spec: FaultSpec = {}): void {
    if (count > 0) this.scripted.push({ remaining: count, spec })
  }

  /** The fault for this request (consuming one use), or undefined to serve it normally. */
  take(request: FaultRequest): InjectedFault | undefined {
    const entry = this.scripted.find((e) => e.remaining > 0 && (e.spec.match?.(request) ?? true))
    if (!entry) return undefined
    entry.remaining -= 1
    const reason = entry.spec.reason ?? 'backendError'
    const status = entry.spec.status ?? STATUS_BY_REASON[reason] ?? 500
    const message = entry.spec.message ?? DEFAULT_MESSAGES[reason] ?? `Injected ${reason}`
    const isJobApi = request.api === 'jobs.insert' || request.api === 'jobs.upload'
    const as = entry.spec.as === 'job' && isJobApi ? 'job' : 'http'
    return { error: new BigQueryError(status, reason, message), as }
  }

  clear(): void {
    this.scripted.length = 0
  }

  /** Faults scripted but not yet served. */
  get pending(): number {
    return this.scripted.reduce((sum, e) => sum + e.remaining, 0)
  }
}
