// The two-step Copilot report fetch: ask the report endpoint for a day's signed download
// links, then download every link at once. Links expire within minutes and each serves the
// snapshot of when it was issued, so a link that answers 403/404 (expired) or a body that does
// not parse (truncated) is never retried alone: the whole report is requested again, giving
// fresh links to one consistent snapshot. Access errors become one actionable message.

import type { Day } from '../../core/days.js'
import { PipelineError } from '../../core/errors.js'
import type { ExtractContext } from '../source.js'
import { DOWNLOAD_ENDPOINT } from './client.js'
import { parseNdjson } from './ndjson.js'
import { reportLinksSchema } from './payloads.js'
import { reportAccessError, staleLinksError } from './report-errors.js'
import type { GithubScope } from './scope.js'

export interface ReportRequest {
  scope: GithubScope
  /** Report endpoint path: `/orgs/{org}/copilot/metrics/reports/users-1-day`. */
  path: string
  day: Day
  format: 'json' | 'ndjson'
}

export interface FetchedReport {
  day: Day
  /** One body per file, in link order: the parsed JSON document, or the NDJSON lines parsed. */
  files: unknown[]
  /** HTTP retries plus whole-report re-requests spent on this report. */
  retries: number
}

/** Report requests per day before giving up on links that keep expiring. */
export const MAX_REPORT_ATTEMPTS = 3

export async function fetchDailyReport(
  ctx: ExtractContext,
  req: ReportRequest,
): Promise<FetchedReport> {
  let retries = 0
  for (let attempt = 1; ; attempt++) {
    const links = await requestLinks(ctx, req)
    retries += links.retries
    const got = await downloadAll(ctx, links.urls, req.format)
    retries += got.retries
    if (got.files) return { day: req.day, files: got.files, retries: retries + attempt - 1 }
    if (attempt >= MAX_REPORT_ATTEMPTS) throw staleLinksError(req, attempt, got.reason)
    ctx.logger.warn('report.links_stale', {
      path: req.path,
      day: req.day,
      attempt,
      reason: got.reason,
    })
  }
}

async function requestLinks(ctx: ExtractContext, req: ReportRequest) {
  try {
    const res = await ctx.http.request({
      path: req.path,
      query: { day: req.day },
      endpoint: req.path,
      signal: ctx.signal,
    })
    const parsed = reportLinksSchema.safeParse(res.body)
    if (!parsed.success || parsed.data.download_links.length === 0)
      throw linksPayloadError(req, parsed.success ? 'download_links is empty' : 'download_links')
    return { urls: parsed.data.download_links, retries: res.attempts - 1 }
  } catch (error) {
    throw reportAccessError(error, req)
  }
}

type Downloaded =
  | { files: unknown[]; retries: number; reason?: undefined }
  | { files?: undefined; retries: number; reason: string }

async function downloadAll(
  ctx: ExtractContext,
  urls: readonly string[],
  format: ReportRequest['format'],
): Promise<Downloaded> {
  const files: unknown[] = []
  let retries = 0
  for (const url of urls) {
    const got = await download(ctx, url)
    if ('reason' in got) return { retries, reason: got.reason }
    retries += got.retries
    const body = format === 'json' ? parseJson(got.text) : parseNdjson(got.text)
    if (body === undefined) return { retries, reason: 'a file did not parse (truncated)' }
    files.push(body)
  }
  return { files, retries }
}

/** The file's text, or why the link is no longer usable (expired or gone). */
async function download(
  ctx: ExtractContext,
  url: string,
): Promise<{ text: string; retries: number } | { reason: string }> {
  try {
    const res = await ctx.http.request<string>({
      path: url,
      responseType: 'text',
      endpoint: DOWNLOAD_ENDPOINT,
      signal: ctx.signal,
    })
    return { text: res.body, retries: res.attempts - 1 }
  } catch (error) {
    const status = error instanceof PipelineError ? error.context.status : undefined
    if (status === 403) return { reason: 'a download link answered 403 (expired)' }
    if (status === 404) return { reason: 'a download link answered 404 (file gone)' }
    throw error
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function linksPayloadError(req: ReportRequest, field: string): PipelineError {
  return new PipelineError(
    'SOURCE_PAYLOAD',
    `github report ${req.path}: the answer for day ${req.day} has no usable ${field}`,
    { context: { vendor: 'github', day: req.day, field } },
  )
}
