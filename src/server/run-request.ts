// The optional JSON body of POST /run: `{ from?, to?, sources? }`. Cloud Scheduler sends `{}`
// (the default window: each resource's cursor minus lookback up to yesterday); a person may
// narrow a re-run. Every problem is reported at once, as a list, with a 400.

import { z } from 'zod'
import { isDay } from '../core/days.js'
import type { Source } from '../sources/source.js'

const day = z.string().refine(isDay, { message: 'expected a UTC day as YYYY-MM-DD' })

export const runRequestSchema = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    sources: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("vendors ('anthropic') or resources ('anthropic.cost_report')"),
  })
  .refine((b) => !(b.from && b.to && b.from > b.to), {
    message: 'from must not be after to',
    path: ['from'],
  })

export type RunRequest = z.infer<typeof runRequestSchema>

export type ParsedRunRequest = { ok: true; value: RunRequest } | { ok: false; issues: string[] }

/** Parses the raw body text (empty means `{}`) and checks sources against the configured ones. */
export function parseRunRequest(text: string, sources: readonly Source[]): ParsedRunRequest {
  let json: unknown = {}
  if (text.trim()) {
    try {
      json = JSON.parse(text)
    } catch {
      return { ok: false, issues: ['body: not valid JSON'] }
    }
  }
  const parsed = runRequestSchema.safeParse(json)
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    }
  const unknown = unknownSources(parsed.data.sources ?? [], sources)
  if (unknown.length)
    return { ok: false, issues: unknown.map((s) => `sources: unknown "${s.slice(0, 80)}"`) }
  return { ok: true, value: parsed.data }
}

function unknownSources(requested: readonly string[], sources: readonly Source[]): string[] {
  const known = new Set(
    sources.flatMap((s) => [s.vendor, ...s.resources.map((r) => `${s.vendor}.${r.name}`)]),
  )
  return requested.filter((name) => !known.has(name))
}
