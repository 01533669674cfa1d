// Run and load ids: sortable by time (so `ORDER BY run_id` is chronological) and unique
// across processes without coordination.

import { randomBytes } from 'node:crypto'

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', 'Z')
}

export function newRunId(now: Date): string {
  return `run_${stamp(now)}_${randomBytes(3).toString('hex')}`
}

export function newLoadId(runId: string, sequence: number): string {
  return `${runId.replace(/^run_/, 'load_')}_${String(sequence).padStart(4, '0')}`
}
