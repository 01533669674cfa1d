// Cloud Logging's structured fields on top of the injected Logger: the trace of the request
// (`logging.googleapis.com/trace`) and indexed labels (`logging.googleapis.com/labels`). The
// labels are computed from the bindings a child logger accumulates, so the pipeline's own
// `child({ runId })` and `child({ vendor, resource })` label its lines without knowing about
// Cloud Logging; the lines still go through the one base logger (and its redactor).

import type { LogFields, Logger, LogLevel } from '../core/logger.js'

export const TRACE_KEY = 'logging.googleapis.com/trace'
export const TRACE_SAMPLED_KEY = 'logging.googleapis.com/trace_sampled'
export const LABELS_KEY = 'logging.googleapis.com/labels'

/** Bindings and fields copied into the labels (string values only, as Cloud Logging wants). */
const LABEL_KEYS = ['runId', 'vendor', 'resource', 'requestId'] as const

/** Wraps `base` so every event carries `logging.googleapis.com/labels` when it has any. */
export function withCloudLabels(base: Logger, bound: LogFields = {}): Logger {
  const emit = (level: LogLevel) => (event: string, fields?: LogFields) =>
    base[level](event, addLabels(bound, fields ?? {}))
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (bindings) => withCloudLabels(base.child(bindings), { ...bound, ...bindings }),
  }
}

function addLabels(bound: LogFields, fields: LogFields): LogFields {
  const all = { ...bound, ...fields }
  const labels: Record<string, string> = {}
  for (const key of LABEL_KEYS) {
    const value = all[key]
    if (typeof value === 'string') labels[key] = value
  }
  return Object.keys(labels).length ? { ...fields, [LABELS_KEY]: labels } : fields
}

const CLOUD_TRACE = /^([0-9a-f]{32})(?:\/\d+)?(?:;o=([01]))?$/i
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/i

/**
 * Trace fields for a request's log lines, from Cloud Run's `X-Cloud-Trace-Context`
 * (`TRACE_ID/SPAN_ID;o=1`) or else W3C `traceparent`. Nothing when there is no project (the
 * field must be `projects/P/traces/T`) or the header is malformed (never echoed into logs).
 */
export function traceFields(
  headers: { cloudTraceContext?: string; traceparent?: string },
  projectId: string | undefined,
): LogFields {
  if (!projectId) return {}
  const cloud = headers.cloudTraceContext
    ? CLOUD_TRACE.exec(headers.cloudTraceContext.trim())
    : null
  const w3c = !cloud && headers.traceparent ? TRACEPARENT.exec(headers.traceparent.trim()) : null
  const traceId = cloud?.[1] ?? w3c?.[1]
  if (!traceId) return {}
  const sampled = cloud ? cloud[2] === '1' : (parseInt(w3c![2]!, 16) & 1) === 1
  return {
    [TRACE_KEY]: `projects/${projectId}/traces/${traceId.toLowerCase()}`,
    [TRACE_SAMPLED_KEY]: sampled,
  }
}
