// The two daily report resources: the organization (or enterprise) 1-day aggregate and the
// users 1-day report. One report request per day, then its files; each file is one page.
// GitHub keeps reports from 2025-10-10 for a year, up to yesterday, so days outside that are
// skipped without a request; merge (not replace) keeps days that have since aged out.

import { addDays, dayOf, daysIn, maxDay, type Day, type DayRange } from '../../core/days.js'
import { PipelineError } from '../../core/errors.js'
import type { ExtractContext, RawPage, Resource } from '../source.js'
import {
  BREAKDOWN_TABLE,
  normalizeAggregatePage,
  normalizeUsersPage,
  ORG_TABLE,
  USER_MODEL_TABLE,
  USER_TABLE,
} from './normalize.js'
import { fetchDailyReport, type ReportRequest } from './report-fetch.js'
import { scopePaths, type GithubScope } from './scope.js'

export const REPORTS_FIRST_DAY: Day = '2025-10-10'
export const REPORT_RETENTION_DAYS = 365
/** Days per load: one report call per day, so a month costs ~31 API calls per commit. */
const REPORT_CHUNK_DAYS = 31

export interface ReportResourceOptions {
  scope: GithubScope
  lookbackDays: number
}

export function usageMetricsResource(o: ReportResourceOptions): Resource {
  const path = scopePaths(o.scope).aggregateReport
  return {
    name: 'usage_metrics',
    tables: [
      { name: ORG_TABLE, primaryKey: ['usage_date', 'owner'], writeDisposition: 'merge' },
      {
        name: BREAKDOWN_TABLE,
        primaryKey: ['usage_date', 'owner', 'breakdown', 'line_key'],
        writeDisposition: 'merge',
      },
    ],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: REPORT_CHUNK_DAYS },
    extract: (ctx, window) => reportPages(ctx, windowOrThrow(window), o.scope, path, 'json'),
    normalize: (page) => normalizeAggregatePage(page, o.scope),
  }
}

export function userMetricsResource(o: ReportResourceOptions): Resource {
  const path = scopePaths(o.scope).usersReport
  return {
    name: 'user_metrics',
    tables: [
      {
        name: USER_TABLE,
        primaryKey: ['usage_date', 'owner', 'user_id'],
        writeDisposition: 'merge',
      },
      {
        name: USER_MODEL_TABLE,
        primaryKey: ['usage_date', 'owner', 'user_id', 'line_key'],
        writeDisposition: 'merge',
      },
    ],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: REPORT_CHUNK_DAYS },
    extract: (ctx, window) => reportPages(ctx, windowOrThrow(window), o.scope, path, 'ndjson'),
    normalize: (page) => normalizeUsersPage(page, o.scope),
  }
}

async function* reportPages(
  ctx: ExtractContext,
  window: DayRange,
  scope: GithubScope,
  path: string,
  format: ReportRequest['format'],
): AsyncIterable<RawPage> {
  let page = 0
  for (const day of reportDays(window, ctx.clock.now())) {
    const report = await fetchOrSkip(ctx, { scope, path, day, format })
    if (!report) continue
    for (const [i, body] of report.files.entries()) {
      yield {
        page: ++page,
        window: { from: day, to: day },
        retries: i === 0 ? report.retries : 0,
        body,
      }
    }
  }
}

/** The window's days GitHub keeps a report for at `now`: [max(2025-10-10, today−365), yesterday]. */
export function reportDays(window: DayRange, now: Date): Day[] {
  const today = dayOf(now)
  const first = firstReportDay(today)
  return daysIn(window).filter((d) => d >= first && d < today)
}

function firstReportDay(today: Day): Day {
  return maxDay(REPORTS_FIRST_DAY, addDays(today, -REPORT_RETENTION_DAYS))
}

/** A 404 on the oldest kept day is a retention boundary a few hours off ours: skip it. */
async function fetchOrSkip(ctx: ExtractContext, req: ReportRequest) {
  try {
    return await fetchDailyReport(ctx, req)
  } catch (error) {
    const edge = addDays(firstReportDay(dayOf(ctx.clock.now())), 1)
    if (error instanceof PipelineError && error.context.status === 404 && req.day <= edge) {
      ctx.logger.warn('report.aged_out', { path: req.path, day: req.day })
      return undefined
    }
    throw error
  }
}

function windowOrThrow(window: DayRange | undefined): DayRange {
  if (!window) throw new Error('GitHub report resources need a day window')
  return window
}
