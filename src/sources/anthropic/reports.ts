// The three daily report resources. Cost and messages usage take a day range per request
// (`[from 00:00Z, to+1 00:00Z)`) and page with has_more/next_page; Claude Code takes one
// UTC day per request, so its extract walks the chunk day by day.

import { addDays, dayStartIso, daysIn, type DayRange } from '../../core/days.js'
import { nextPagePages, windowOrThrow } from '../pages.js'
import { dailyReportTable } from '../report-tables.js'
import type { ExtractContext, RawPage, Resource } from '../source.js'
import { normalizeClaudeCodePage, normalizeCostPage, normalizeUsagePage } from './normalize.js'

function windowQuery(window: DayRange, bucketsPerPage: number) {
  return {
    starting_at: dayStartIso(window.from),
    ending_at: dayStartIso(addDays(window.to, 1)),
    bucket_width: '1d',
    limit: bucketsPerPage,
  }
}

export interface ReportOptions {
  lookbackDays: number
  /** Daily buckets per page: the API default is 7, the maximum 31. */
  bucketsPerPage: number
}

export function costReportResource(o: ReportOptions): Resource {
  return {
    name: 'cost_report',
    tables: [dailyReportTable('anthropic_cost_report')],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 31 },
    extract: (ctx, window) => {
      const w = windowOrThrow(window, 'cost_report')
      const query = {
        ...windowQuery(w, o.bucketsPerPage),
        group_by: ['workspace_id', 'description'],
      }
      return nextPagePages(
        ctx,
        { path: '/v1/organizations/cost_report', query, endpoint: 'cost_report' },
        w,
      )
    },
    normalize: (page) => normalizeCostPage(page),
  }
}

export function messagesUsageResource(o: ReportOptions): Resource {
  return {
    name: 'messages_usage',
    tables: [dailyReportTable('anthropic_messages_usage')],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 31 },
    extract: (ctx, window) => {
      const w = windowOrThrow(window, 'messages_usage')
      // At most 5 group_by[] dimensions per request (more is a 400).
      const group_by = ['api_key_id', 'workspace_id', 'model', 'service_tier', 'context_window']
      const query = { ...windowQuery(w, o.bucketsPerPage), group_by }
      return nextPagePages(
        ctx,
        {
          path: '/v1/organizations/usage_report/messages',
          query,
          endpoint: 'usage_report_messages',
        },
        w,
      )
    },
    normalize: (page) => normalizeUsagePage(page),
  }
}

export function claudeCodeResource(o: Pick<ReportOptions, 'lookbackDays'>): Resource {
  return {
    name: 'claude_code',
    tables: [
      dailyReportTable('anthropic_claude_code'),
      dailyReportTable('anthropic_claude_code_models', ['model']),
    ],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 7 },
    extract: (ctx, window) => claudeCodePages(ctx, windowOrThrow(window, 'claude_code')),
    normalize: (page, ctx) => normalizeClaudeCodePage(page, ctx),
  }
}

async function* claudeCodePages(ctx: ExtractContext, window: DayRange): AsyncIterable<RawPage> {
  let page = 0
  for (const day of daysIn(window)) {
    const req = {
      path: '/v1/organizations/usage_report/claude_code',
      query: { starting_at: day, limit: 1000 },
      endpoint: 'usage_report_claude_code',
    }
    for await (const p of nextPagePages(ctx, req, { from: day, to: day }))
      yield { ...p, page: ++page }
  }
}
