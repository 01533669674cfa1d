// Pipeline-level error helpers: every failure that leaves a resource is located (vendor,
// resource, day) so the run report and the log say exactly what to re-run.

import type { DayRange } from '../core/days.js'
import { PipelineError, toPipelineError } from '../core/errors.js'

export function locateError(
  error: unknown,
  where: { vendor: string; resource: string; window?: DayRange; loadId?: string },
): PipelineError {
  const e = toPipelineError(error)
  const day = where.window
    ? where.window.from === where.window.to
      ? where.window.from
      : `${where.window.from}..${where.window.to}`
    : undefined
  return e.withContext({
    vendor: where.vendor,
    resource: where.resource,
    loadId: where.loadId,
    ...(day && !e.context.day ? { day } : {}),
  })
}

export class RunAbortedError extends PipelineError {
  constructor() {
    super(
      'INTERNAL',
      'Run stopped before this resource finished (shutdown requested); committed chunks are kept and the next run resumes from the cursor.',
      { retryable: true },
    )
    this.name = 'RunAbortedError'
  }
}
