// Human progress for long runs, on stderr when it is a terminal: one line per resource start,
// per committed chunk, and per finish — enough to see a 90-day backfill moving.

import type { ProgressEvent, ResourceOutcome } from '../pipeline/report.js'
import type { Output } from './output.js'

export function createProgressPrinter(output: Output): (event: ProgressEvent) => void {
  return (event) => {
    if (event.type === 'resource.started') {
      const w = event.window
        ? ` ${event.window.from}..${event.window.to} in ${event.chunks} chunk(s)`
        : ''
      output.err(`→ ${event.vendor}.${event.resource}${w}`)
    } else if (event.type === 'chunk.committed' && event.of > 1) {
      output.err(
        `  ${event.vendor}.${event.resource} ${event.done}/${event.of} committed (${event.rows} rows so far)`,
      )
    } else if (event.type === 'resource.finished') {
      output.err(finishedLine(event.outcome))
    }
  }
}

function finishedLine(o: ResourceOutcome): string {
  const mark = o.status === 'failed' ? '✗' : o.status === 'skipped' ? '·' : '✓'
  const detail =
    o.status === 'failed'
      ? `: ${o.error?.message ?? 'failed'}`
      : ` ${o.rows} rows, ${o.pages} pages, ${o.retries} retries`
  return `${mark} ${o.vendor}.${o.resource}${detail}`
}
