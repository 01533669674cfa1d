// The one choke point for BigQuery failures: every client call goes through `callBigQuery`,
// which turns the client's ApiError (HTTP status + `errors[].reason`) or a job's errorResult
// into a PipelineError. Retryable = BigQuery's transient reasons (rateLimitExceeded,
// backendError, internalError), 5xx and network resets. Load errors quote row values
// ("Could not convert value 'x'", "Value: 12"), so messages keep one line with values masked.

import { PipelineError } from '../../core/errors.js'

export type BigQueryOperation = 'open' | 'query' | 'load' | 'flush' | 'write' | 'migrate' | 'read'

export interface BigQueryCallContext {
  op: BigQueryOperation
  table?: string
  loadId?: string
}

interface ErrorProto {
  reason?: string
  message?: string
}

const RETRYABLE_REASONS = new Set([
  'rateLimitExceeded',
  'backendError',
  'internalError',
  'jobBackendError',
  'jobInternalError',
])
const NETWORK = /ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up|network/i

/** Runs one client call, classifying anything it throws. */
export async function callBigQuery<T>(
  context: BigQueryCallContext,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw classifyBigQueryError(error, context)
  }
}

/** A PipelineError for a client failure; a PipelineError passes through with more context. */
export function classifyBigQueryError(error: unknown, context: BigQueryCallContext): PipelineError {
  const where = { table: context.table, loadId: context.loadId }
  if (error instanceof PipelineError) return error.withContext(where)
  const protos = errorProtos(error)
  const reason = protos[0]?.reason ?? 'unknown'
  const status = statusOf(error)
  const detail = sanitizeBigQueryMessage(describeProtos(error, protos))
  const cause = new Error(detail)
  cause.name = 'BigQueryError'
  const code =
    context.op === 'load' || context.op === 'flush' ? 'WAREHOUSE_LOAD' : 'WAREHOUSE_QUERY'
  return new PipelineError(
    code,
    `${DOING[context.op]}${on(context)}: ${detail}. ${hint(reason, detail)}`.trim(),
    {
      retryable: isRetryableBigQueryError(error),
      cause,
      context: { ...where, reason, ...(status !== undefined ? { status } : {}) },
    },
  )
}

export function isRetryableBigQueryError(error: unknown): boolean {
  if (error instanceof PipelineError) return error.retryable
  const reasons = errorProtos(error).map((p) => p.reason ?? '')
  if (reasons.some((r) => RETRYABLE_REASONS.has(r))) return true
  if (reasons.some((r) => r !== '')) return false
  const status = statusOf(error)
  if (status !== undefined) return status >= 500 || status === 429
  return NETWORK.test(error instanceof Error ? error.message : String(error))
}

/** One line; quoted text and anything after "value" masked (load errors echo row values). */
export function sanitizeBigQueryMessage(message: string): string {
  const first = (message.split('\n')[0] ?? '').trim()
  return first
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\b(value:?)\s+[^\s;,]+/gi, '$1 …')
}

function errorProtos(error: unknown): ErrorProto[] {
  const errors = (error as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) ? (errors as ErrorProto[]) : []
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'number' ? code : undefined
}

/** Load failures put the useful line (which field, why) in errors[1], not the summary. */
function describeProtos(error: unknown, protos: ErrorProto[]): string {
  const summary = error instanceof Error ? error.message : String(error)
  const detail = protos.slice(1).find((p) => p.message && p.message !== summary)?.message
  return detail && /too many errors/i.test(summary) ? detail : summary
}

const DOING: Record<BigQueryOperation, string> = {
  open: 'BigQuery failed while opening the dataset',
  query: 'BigQuery failed while running a query',
  load: 'BigQuery failed while staging rows',
  flush: 'BigQuery failed while committing the staged loads',
  write: 'BigQuery failed while writing pipeline bookkeeping',
  migrate: 'BigQuery failed while migrating',
  read: 'BigQuery failed while reading pipeline bookkeeping',
}

function on(context: BigQueryCallContext): string {
  return context.table ? ` (${context.table})` : ''
}

function hint(reason: string, detail: string): string {
  if (/default credentials/i.test(detail))
    return 'Run `gcloud auth application-default login` (or run as a service account).'
  if (reason === 'notFound') return 'Run `ai-usage migrate` (and check project, dataset, location).'
  if (reason === 'accessDenied')
    return 'The runtime needs BigQuery Data Editor on the dataset and Job User on the project (docs/bigquery.md).'
  if (reason === 'invalidQuery') return 'Check the SQL.'
  if (reason === 'invalid') return 'A value does not fit its column; check the normalizer.'
  if (reason === 'quotaExceeded') return 'A BigQuery quota is exhausted; see docs/bigquery.md.'
  if (RETRYABLE_REASONS.has(reason)) return 'Transient; the next run retries.'
  return ''
}
