// Premium-request billing per day, user and model. GitHub answers one month, day or user per
// call (filters, no group-by), so per-user figures cost one call per (user, day) against a
// 5,000/h budget. We ask once per day for the org (the money truth; a day without items ends
// there) and then only for that day's candidates: users of the day's users report who sent a
// chat/agent/CLI prompt (completions are never premium). Without reports (policy off, or the
// day older than a year) the current seat holders are asked instead; anything missed still
// lands, as the '(unattributed)' line. Days are replaced whole: billing keeps 24 months.

import { daysIn, type Day, type DayRange } from '../../core/days.js'
import type { ExtractContext, RawPage, Resource } from '../source.js'
import { candidateFinder } from './premium-candidates.js'
import {
  modelId,
  normalizePremiumPage,
  PREMIUM_TABLE,
  PREMIUM_USER_TABLE,
  type PremiumDay,
} from './normalize-premium.js'
import { scopePaths, type GithubScope } from './scope.js'

export interface PremiumOptions {
  scope: GithubScope
  lookbackDays: number
  /** Ask per user as well as per day (config attributePremiumToUsers). */
  attributeToUsers: boolean
}

const LINE = ['product', 'sku', 'model']

export function premiumRequestsResource(o: PremiumOptions): Resource {
  return {
    name: 'premium_requests',
    tables: [
      {
        name: PREMIUM_TABLE,
        primaryKey: ['usage_date', 'owner', ...LINE],
        writeDisposition: 'replace_window',
        dateColumn: 'usage_date',
      },
      {
        name: PREMIUM_USER_TABLE,
        primaryKey: ['usage_date', 'owner', 'user_login', ...LINE],
        writeDisposition: 'replace_window',
        dateColumn: 'usage_date',
      },
    ],
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 7 },
    extract: (ctx, window) => premiumPages(ctx, windowOrThrow(window), o),
    normalize: (page) => normalizePremiumPage(page, o.scope),
  }
}

async function* premiumPages(
  ctx: ExtractContext,
  window: DayRange,
  o: PremiumOptions,
): AsyncIterable<RawPage<PremiumDay>> {
  const path = scopePaths(o.scope).premiumUsage
  const candidates = candidateFinder(ctx, o.scope)
  let page = 0
  for (const day of daysIn(window)) {
    const org = await usageOf(ctx, path, day)
    let retries = org.retries
    let users: PremiumDay['users']
    const billed = billedModels(org.body)
    if (o.attributeToUsers && billed.size > 0) {
      const found = await candidates(day, billed)
      users = []
      for (const login of found.logins) {
        const mine = await usageOf(ctx, path, day, login)
        users.push({ login, usage: mine.body as PremiumDay['org'] })
        retries += mine.retries
      }
      retries += found.retries
    }
    const body = { day, org: org.body as PremiumDay['org'], users }
    yield { page: ++page, window: { from: day, to: day }, retries, body }
  }
}

/** One day's premium usage, org-wide or for one user (validated later, in normalize). */
async function usageOf(ctx: ExtractContext, path: string, day: Day, user?: string) {
  const [year, month, dom] = day.split('-').map(Number)
  const res = await ctx.http.request({
    path,
    query: { year, month, day: dom, user },
    endpoint: path,
    signal: ctx.signal,
  })
  return { body: res.body, retries: res.attempts - 1 }
}

/** Metrics-report ids of the models the org was billed for (gross > 0) that day. */
function billedModels(body: unknown): Set<string> {
  const items = (body as { usageItems?: unknown } | null)?.usageItems
  const billed = new Set<string>()
  for (const item of Array.isArray(items) ? items : []) {
    const { model, grossQuantity } = item as { model?: unknown; grossQuantity?: unknown }
    if (typeof model === 'string' && grossQuantity !== 0) billed.add(modelId(model))
  }
  return billed
}

function windowOrThrow(window: DayRange | undefined): DayRange {
  if (!window) throw new Error('premium_requests needs a day window')
  return window
}
