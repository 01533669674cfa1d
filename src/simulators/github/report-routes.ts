// The Copilot usage metrics report endpoints (org and enterprise scope). Each answers with
// signed download links, never data. Gates, in GitHub's order: unknown org/enterprise → 404,
// metrics policy off → 403, bad `day` → 422, no report for that day (before 2025-10-10, older
// than a year, today or later) → 404. The legacy /copilot/metrics and /copilot/usage are 404.

import { Hono, type Context } from 'hono'
import { addDays, isDay, maxDay } from '../../core/days.js'
import { githubError, notFound, validationFailed } from './errors.js'
import type { LinkSigner, ReportFile, ReportKind } from './links.js'
import { fileCount, reportWindow, type ReportSource } from './report-files.js'

export interface ReportSettings {
  metricsPolicyEnabled: boolean
  linkTtlMs: number
}

export interface ReportRouteDeps extends ReportSource {
  signer: LinkSigner
  settings: ReportSettings
  nowMs: () => number
}

type Scope = 'orgs' | 'enterprises'

export function reportRoutes(deps: ReportRouteDeps): Hono {
  const app = new Hono()
  const base = {
    orgs: '/orgs/:owner/copilot/metrics/reports',
    enterprises: '/enterprises/:owner/copilot/metrics/reports',
  }
  const aggregate = { orgs: 'organization', enterprises: 'enterprise' } as const
  for (const scope of ['orgs', 'enterprises'] as const) {
    for (const kind of [`${aggregate[scope]}-1-day`, 'users-1-day', 'user-teams-1-day'] as const) {
      app.get(`${base[scope]}/${kind}`, (c) => oneDay(deps, c, scope, kind))
    }
    for (const kind of [`${aggregate[scope]}-28-day`, 'users-28-day'] as const) {
      app.get(`${base[scope]}/${kind}/latest`, (c) => latest(deps, c, scope, kind))
    }
  }
  // Closed on github.com (2026-04-02; /usage in 2025): they answer 404 like any unknown route.
  for (const legacy of [
    '/orgs/:o/copilot/metrics',
    '/enterprises/:e/copilot/metrics',
    '/orgs/:o/team/:t/copilot/metrics',
    '/orgs/:o/copilot/usage',
    '/enterprises/:e/copilot/usage',
  ]) {
    app.get(legacy, () => notFound())
  }
  return app
}

/** Unknown owner or disabled policy: the response to send, or undefined to go on. */
function gate(deps: ReportRouteDeps, c: Context, scope: Scope): Response | undefined {
  const owner = c.req.param('owner')?.toLowerCase()
  const { org } = deps.data
  if (owner !== (scope === 'orgs' ? org.login : org.enterprise.slug)) return notFound()
  if (!deps.settings.metricsPolicyEnabled) {
    const what = scope === 'orgs' ? 'organization' : 'enterprise'
    return githubError(403, `Copilot Usage Metrics API access is disabled for this ${what}.`)
  }
  return undefined
}

function oneDay(deps: ReportRouteDeps, c: Context, scope: Scope, kind: ReportKind): Response {
  const blocked = gate(deps, c, scope)
  if (blocked) return blocked
  const raw = c.req.query('day')
  if (raw === undefined) return validationFailed('"day" wasn\'t supplied.')
  const day = isDay(raw) ? raw : undefined
  if (day === undefined)
    return validationFailed(`"${raw.slice(0, 20)}" is not a date (YYYY-MM-DD).`)
  const nowMs = deps.nowMs()
  const { first, last } = reportWindow(nowMs)
  if (day < first || day > last) return notFound()
  return c.json({ download_links: links(deps, c, scope, kind, day, nowMs), report_day: day })
}

function latest(deps: ReportRouteDeps, c: Context, scope: Scope, kind: ReportKind): Response {
  const blocked = gate(deps, c, scope)
  if (blocked) return blocked
  const nowMs = deps.nowMs()
  const { first, last } = reportWindow(nowMs)
  if (last < first) return notFound()
  const start = maxDay(first, addDays(last, -27))
  const download_links = links(deps, c, scope, kind, `${start}_${last}`, nowMs)
  return c.json({ download_links, report_start_day: start, report_end_day: last })
}

function links(
  deps: ReportRouteDeps,
  c: Context,
  scope: Scope,
  kind: ReportKind,
  period: string,
  nowMs: number,
): string[] {
  const owner = scope === 'orgs' ? deps.data.org.login : deps.data.org.enterprise.slug
  const file = { scope, owner, kind, period, generatedAtMs: nowMs }
  const parts = fileCount(deps, file)
  const origin = new URL(c.req.url).origin
  return Array.from({ length: parts }, (_, i) => {
    const part: ReportFile = { ...file, part: i + 1, parts }
    return deps.signer.sign(origin, part, nowMs, deps.settings.linkTtlMs)
  })
}
