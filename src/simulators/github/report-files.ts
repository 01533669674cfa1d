// Turns a report request into its files: the aggregate reports are one JSON document, the
// user reports NDJSON split into files of at most `linesPerFile` lines (a weekday of a
// mid-sized org spans 2+ files). The split is a pure function of the snapshot instant, so the
// report endpoint and the later download agree on the file count and contents.

import { addDays, dayOf, maxDay, type Day } from '../../core/days.js'
import { REPORTS_FIRST_DAY, REPORT_RETENTION_DAYS } from './catalog.js'
import type { GithubData } from './data.js'
import { isNdjson, type ReportFile, type ReportKind } from './links.js'
import {
  dailyAggregate,
  userRecord,
  userTeamRecords,
  type Json,
  type ReportScope,
} from './report-payloads.js'

export interface ReportSource {
  data: GithubData
  linesPerFile: number
}

/** The first and last day a report exists for at `nowMs` (reports run up to yesterday). */
export function reportWindow(nowMs: number): { first: Day; last: Day } {
  const today = dayOf(new Date(nowMs))
  return {
    first: maxDay(REPORTS_FIRST_DAY, addDays(today, -REPORT_RETENTION_DAYS)),
    last: addDays(today, -1),
  }
}

/** '2026-01-02' or '2026-01-01_2026-01-28' → inclusive day range. */
export function periodRange(period: string): { from: Day; to: Day } {
  const [from = period, to = from] = period.split('_')
  return { from, to }
}

export function scopeOf(src: ReportSource, file: Pick<ReportFile, 'scope'>): ReportScope {
  const { org } = src.data
  return file.scope === 'orgs'
    ? { kind: 'organization', id: org.id }
    : { kind: 'enterprise', id: org.enterprise.id }
}

function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d)
  return days
}

/** Every NDJSON line of a user report, in file order (day, then login). */
function reportLines(
  src: ReportSource,
  kind: ReportKind,
  scope: ReportScope,
  period: string,
  atMs: number,
): Json[] {
  const { from, to } = periodRange(period)
  if (kind === 'user-teams-1-day') return userTeamRecords(src.data, from, scope)
  return daysBetween(from, to).flatMap((day) =>
    src.data.visibleFacts(day, atMs).map((f) => userRecord(src.data, f, scope)),
  )
}

function aggregateDocument(
  src: ReportSource,
  kind: ReportKind,
  scope: ReportScope,
  period: string,
  atMs: number,
): Json {
  const { from, to } = periodRange(period)
  if (kind.endsWith('-1-day')) return dailyAggregate(src.data, from, atMs, scope)
  const idField = scope.kind === 'organization' ? 'organization_id' : 'enterprise_id'
  return {
    report_start_day: from,
    report_end_day: to,
    [idField]: String(scope.id),
    day_totals: daysBetween(from, to).map((day) => dailyAggregate(src.data, day, atMs, scope)),
  }
}

/** How many files the report has at the snapshot instant (≥ 1; an empty report is one empty file). */
export function fileCount(src: ReportSource, file: Omit<ReportFile, 'part' | 'parts'>): number {
  if (!isNdjson(file.kind)) return 1
  const lines = reportLines(src, file.kind, scopeOf(src, file), file.period, file.generatedAtMs)
  return Math.max(1, Math.ceil(lines.length / src.linesPerFile))
}

/** The body of one file; undefined when the part does not exist. */
export function fileBody(src: ReportSource, file: ReportFile): string | undefined {
  const scope = scopeOf(src, file)
  if (!isNdjson(file.kind)) {
    return file.part === 1 && file.parts === 1
      ? JSON.stringify(aggregateDocument(src, file.kind, scope, file.period, file.generatedAtMs))
      : undefined
  }
  const lines = reportLines(src, file.kind, scope, file.period, file.generatedAtMs)
  const parts = Math.max(1, Math.ceil(lines.length / src.linesPerFile))
  if (file.parts !== parts || file.part < 1 || file.part > parts) return undefined
  const slice = lines.slice((file.part - 1) * src.linesPerFile, file.part * src.linesPerFile)
  return slice.map((line) => `${JSON.stringify(line)}\n`).join('')
}
