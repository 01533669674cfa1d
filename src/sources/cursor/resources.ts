// Team members, daily usage and spend. Every table merges on its key and nothing is ever
// deleted: Cursor serves a rolling recent window only, so a later read that sees less must
// leave what was captured before. Members and spend are snapshots keyed by their capture
// (day / instant): history accrues run by run and first/last-seen dates are derived in views.

import type { DayRange } from '../../core/days.js'
import { paginatePageNumber } from '../../http/paginate.js'
import type { HttpRequest } from '../../http/types.js'
import { singlePage, windowOrThrow } from '../pages.js'
import type { ExtractContext, RawPage, Resource } from '../source.js'
import { CURSOR_PATHS, epochRange } from './client.js'
import { normalizeDailyPage, normalizeMembersPage, normalizeSpendPage } from './normalize.js'

export interface CursorResourceOptions {
  lookbackDays: number
  /** Users per daily-usage page (API default 100). */
  usersPerPage: number
}

export const membersResource: Resource = {
  name: 'members',
  tables: [
    {
      name: 'cursor_member_snapshots',
      primaryKey: ['captured_date', 'user_email'],
      writeDisposition: 'merge',
    },
  ],
  extract: (ctx) => singlePage(ctx, { path: CURSOR_PATHS.members, endpoint: CURSOR_PATHS.members }),
  normalize: (page, ctx) => normalizeMembersPage(page, ctx),
}

interface Paged {
  pagination?: { totalPages?: number }
  data?: unknown[]
  totalPages?: number
  teamMemberSpend?: unknown[]
}

async function* pagesOf(
  ctx: ExtractContext,
  req: HttpRequest,
  size: number,
  window?: DayRange,
): AsyncIterable<RawPage> {
  const options = {
    pageParam: 'page',
    sizeParam: 'pageSize',
    pageSize: size,
    inBody: true,
    totalPages: (b: Paged) => b.pagination?.totalPages ?? b.totalPages,
    itemCount: (b: Paged) => (b.data ?? b.teamMemberSpend ?? []).length,
  }
  for await (const p of paginatePageNumber<Paged>(
    ctx.http,
    { ...req, signal: ctx.signal },
    options,
  ))
    yield { page: p.page, window, retries: p.retries, body: p.body }
}

/** Dense rows: requested WITH page/pageSize, the only way every seat (inactive too) appears. */
export function dailyUsageResource(o: CursorResourceOptions): Resource {
  return {
    name: 'daily_usage',
    tables: [
      {
        name: 'cursor_daily_usage',
        primaryKey: ['usage_date', 'user_email'],
        writeDisposition: 'merge',
      },
    ],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 30 },
    extract: (ctx, window) => {
      const w = windowOrThrow(window, 'daily_usage')
      const path = CURSOR_PATHS.dailyUsage
      const req = { method: 'POST' as const, path, endpoint: path, body: epochRange(w) }
      return pagesOf(ctx, req, o.usersPerPage, w)
    },
    normalize: (page) => normalizeDailyPage(page),
  }
}

/** The current billing cycle, cumulative per person; one snapshot per run (never summed). */
export const spendResource: Resource = {
  name: 'spend',
  tables: [
    {
      name: 'cursor_spend_snapshots',
      primaryKey: ['captured_at', 'user_email'],
      writeDisposition: 'merge',
    },
  ],
  extract: (ctx) => {
    const path = CURSOR_PATHS.spend
    // Sorted by name, not by amount: amounts move while we page, names do not.
    const body = { sortBy: 'user', sortDirection: 'asc' }
    return pagesOf(ctx, { method: 'POST', path, endpoint: path, body }, 100)
  },
  normalize: (page, ctx) => normalizeSpendPage(page, ctx),
}
