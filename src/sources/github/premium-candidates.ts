// Who to ask about premium requests on a day: users of that day's users report who sent at
// least one prompt (chat, agent or CLI; code completions are never premium). When the report
// cannot be read (metrics policy off, or the day older than the reports' one year), the current
// seat holders are asked instead, listed once per extract and logged once.

import type { Day } from '../../core/days.js'
import { PipelineError } from '../../core/errors.js'
import { paginateLinkHeader } from '../../http/paginate.js'
import type { ExtractContext } from '../source.js'
import { z } from 'zod'
import { fetchDailyReport } from './report-fetch.js'
import { reportDays } from './reports.js'
import { scopePaths, type GithubScope } from './scope.js'

export interface Candidates {
  logins: string[]
  retries: number
}

const promptLine = z.looseObject({
  user_login: z.string().min(1),
  user_initiated_interaction_count: z.number().nullish(),
  used_cli: z.boolean().nullish(),
})

/** A per-extract lookup: `await candidates(day)`. */
export function candidateFinder(
  ctx: ExtractContext,
  scope: GithubScope,
): (day: Day) => Promise<Candidates> {
  const paths = scopePaths(scope)
  let seatHolders: Promise<Candidates> | undefined
  const fallback = async (day: Day, why: string): Promise<Candidates> => {
    if (seatHolders) return { logins: (await seatHolders).logins, retries: 0 }
    ctx.logger.warn('premium.attribution_by_seats', { day, why })
    seatHolders = seatLogins(ctx, paths.seats)
    return seatHolders
  }
  return async (day) => {
    if (reportDays({ from: day, to: day }, ctx.clock.now()).length === 0)
      return fallback(day, 'no users report is kept for this day')
    try {
      const req = { scope, path: paths.usersReport, day, format: 'ndjson' as const }
      const report = await fetchDailyReport(ctx, req)
      return { logins: promptingLogins(report.files), retries: report.retries }
    } catch (error) {
      const status = error instanceof PipelineError ? error.context.status : undefined
      if (status !== 403 && status !== 404) throw error
      return fallback(day, `users report answered HTTP ${status}`)
    }
  }
}

/** Logins that prompted; a line whose counters are missing is asked about, to be safe. */
export function promptingLogins(files: readonly unknown[]): string[] {
  const logins = new Set<string>()
  for (const line of files.flatMap((f) => (Array.isArray(f) ? (f as unknown[]) : []))) {
    const parsed = promptLine.safeParse(line)
    if (!parsed.success) continue
    const { user_login, user_initiated_interaction_count: prompts, used_cli } = parsed.data
    if (prompts == null || prompts > 0 || used_cli === true) logins.add(user_login.toLowerCase())
  }
  return [...logins].sort()
}

async function seatLogins(ctx: ExtractContext, path: string): Promise<Candidates> {
  const logins = new Set<string>()
  let retries = 0
  const req = { path, query: { per_page: 100 }, endpoint: path, signal: ctx.signal }
  for await (const p of paginateLinkHeader<{ seats?: { assignee?: { login?: string } }[] }>(
    ctx.http,
    req,
  )) {
    retries += p.retries
    for (const seat of p.body.seats ?? []) {
      if (seat.assignee?.login) logins.add(seat.assignee.login.toLowerCase())
    }
  }
  return { logins: [...logins].sort(), retries }
}
