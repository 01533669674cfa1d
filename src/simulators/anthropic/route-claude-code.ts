// GET /v1/organizations/usage_report/claude_code: one UTC day per call (`starting_at` =
// YYYY-MM-DD), records paged by an opaque cursor. The cursor pins the data boundary (the `now`
// of the first page), so a day that is still growing pages consistently, as the docs promise.

import type { Hono } from 'hono'
import { isDay } from '../../core/days.js'
import { invalid, one, parseLimit, type Query } from './params.js'
import type { RouteDeps } from './route-deps.js'

interface Cursor {
  day: string
  offset: number
  asOfMs: number
}

export function registerClaudeCode(app: Hono, deps: RouteDeps): void {
  app.get('/v1/organizations/usage_report/claude_code', (c) => {
    const query: Query = c.req.queries()
    const day = one(query, 'starting_at') ?? ''
    if (!isDay(day)) {
      throw invalid(
        `starting_at: must be a UTC date as YYYY-MM-DD, got "${one(query, 'starting_at') ?? ''}"`,
      )
    }
    const limit = parseLimit(one(query, 'limit'), 20, 1000)
    const token = one(query, 'page')
    const cursor =
      token === undefined
        ? { day, offset: 0, asOfMs: deps.now().getTime() }
        : decodeCursor(token, day)
    const records = deps.data.claudeCodeAt(day, cursor.asOfMs)
    const end = cursor.offset + limit
    const hasMore = end < records.length
    return c.json({
      data: records.slice(cursor.offset, end),
      has_more: hasMore,
      next_page: hasMore ? encodeCursor({ ...cursor, offset: end }) : null,
    })
  })
}

function encodeCursor(cursor: Cursor): string {
  return `page_${Buffer.from(JSON.stringify([cursor.day, cursor.offset, cursor.asOfMs])).toString('base64url')}`
}

function decodeCursor(token: string, day: string): Cursor {
  try {
    const raw: unknown = JSON.parse(
      Buffer.from(token.replace(/^page_/, ''), 'base64url').toString('utf8'),
    )
    if (
      Array.isArray(raw) &&
      raw[0] === day &&
      Number.isInteger(raw[1]) &&
      (raw[1] as number) >= 0 &&
      Number.isInteger(raw[2])
    ) {
      return { day, offset: raw[1] as number, asOfMs: raw[2] as number }
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalid('page: invalid page token for this starting_at; pass the previous next_page')
}
