// Who to ask about premium requests on a day: users of that day's users report who sent at
// least one prompt (chat, agent or CLI; code completions are never premium), narrowed to those
// who prompted a model the day's org-wide bill lists, when every billed model shows up in the
// report under the same id (else no narrowing: a naming change must not drop a user). When the
// report cannot be read (metrics policy off, or the day older than the reports' one year), the
// current seat holders are asked instead, listed once per extract and logged once.

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
  totals_by_model_feature: z
    .array(
      z.looseObject({
        model: z.string().nullish(),
        user_initiated_interaction_count: z.number().nullish(),
      }),
    )
    .nullish(),
})
type PromptLine = z.infer<typeof promptLine>

/** A per-extract lookup: `await candidates(day, billedModelIds)`. */
export function candidateFinder(
  ctx: ExtractContext,
  scope: GithubScope,
): (day: Day, billed: ReadonlySet<string>) => Promise<Candidates> {
  const paths = scopePaths(scope)
  let seatHolders: Promise<Candidates> | undefined
  const fallback = async (day: Day, why: string): Promise<Candidates> => {
    if (seatHolders) return { logins: (await seatHolders).logins, retries: 0 }
    ctx.logger.warn('premium.attribution_by_seats', { day, why })
    seatHolders = seatLogins(ctx, paths.seats)
    return seatHolders
  }
  return async (day, billed) => {
    if (reportDays({ from: day, to: day }, ctx.clock.now()).length === 0)
      return fallback(day, 'no users report is kept for this day')
    try {
      const req = { scope, path: paths.usersReport, day, format: 'ndjson' as const }
      const report = await fetchDailyReport(ctx, req)
      return { logins: promptingLogins(report.files, billed), retries: report.retries }
    } catch (error) {
      const status = error instanceof PipelineError ? error.context.status : undefined
      if (status !== 403 && status !== 404) throw error
      return fallback(day, `users report answered HTTP ${status}`)
    }
  }
}

/** Logins to ask; a line whose counters are missing is asked about, to be safe. */
export function promptingLogins(files: readonly unknown[], billed: ReadonlySet<string>): string[] {
  const lines = files
    .flatMap((f) => (Array.isArray(f) ? (f as unknown[]) : []))
    .flatMap((l) => {
      const parsed = promptLine.safeParse(l)
      return parsed.success ? [parsed.data] : []
    })
  const seen = new Set(lines.flatMap((l) => (l.totals_by_model_feature ?? []).map((r) => r.model)))
  const narrow = billed.size > 0 && [...billed].every((m) => seen.has(m))
  const logins = lines.filter((l) => shouldAsk(l, narrow ? billed : undefined))
  return [...new Set(logins.map((l) => l.user_login.toLowerCase()))].sort()
}

/** CLI users always (the report names no CLI model); unknown counters always, to be safe. */
function shouldAsk(l: PromptLine, billed: ReadonlySet<string> | undefined): boolean {
  const prompts = l.user_initiated_interaction_count
  if (l.used_cli === true || prompts == null) return true
  return prompts > 0 && (billed === undefined || promptedOn(l, billed))
}

function promptedOn(l: PromptLine, billed: ReadonlySet<string>): boolean {
  if (!l.totals_by_model_feature?.length) return true
  return l.totals_by_model_feature.some(
    (r) => r.model != null && billed.has(r.model) && (r.user_initiated_interaction_count ?? 1) > 0,
  )
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
