// Usage event pages → one row per event, money exact. `chargedCents` is what the event cost
// (model cost + Cursor's token fee); only chargeable ("Usage-based", on-demand) events are
// spend beyond the seat. `isChargeable` is missing in older API versions: then the kind decides.
// Each event arrives with its occurrence rank (event-keys.ts), computed over the whole day's
// read by the extract, because two events of one millisecond can straddle a page boundary.

import { dayOfEpochMs } from '../../core/days.js'
import { rawJson, type Row } from '../../core/records.js'
import { parsePageOrThrow, payloadError, type ParseWhere } from '../parse.js'
import type { RawPage, TableRows } from '../source.js'
import { amountText, lowerEmail, usdOfCents } from './normalize.js'
import { eventsPageSchema, type CursorEvent } from './payloads.js'

const EVENTS: ParseWhere = { vendor: 'cursor', resource: 'usage_events' }

/** A page of the events endpoint plus the occurrence rank of each of its events. */
export interface EventsPageBody {
  response: unknown
  occurrences: readonly number[]
}

export function normalizeEventsPage(page: RawPage<EventsPageBody>): TableRows {
  const body = parsePageOrThrow(eventsPageSchema, { ...page, body: page.body.response }, EVENTS)
  const rows = body.usageEvents.map((e, i) => eventRow(e, page.body.occurrences[i] ?? 0, page))
  return { cursor_usage_events: rows }
}

function eventRow(e: CursorEvent, occurrence: number, page: RawPage): Row {
  const ms = Number(e.timestamp)
  const day = dayOfEpochMs(ms)
  if (page.window && (day < page.window.from || day > page.window.to)) {
    throw payloadError(
      `cursor usage_events: an event dated ${day} came back for another day`,
      EVENTS,
      page.window,
      { field: 'timestamp', page: page.page },
    )
  }
  const tokens = e.tokenUsage ?? undefined
  return {
    usage_date: day,
    user_email: lowerEmail(e.userEmail),
    event_ms: ms,
    occurrence,
    event_ts: new Date(ms).toISOString(),
    model: e.model ?? null,
    kind: e.kind ?? null,
    is_chargeable: e.isChargeable ?? e.kind === 'Usage-based',
    max_mode: e.maxMode ?? null,
    is_token_based_call: e.isTokenBasedCall ?? null,
    is_headless: e.isHeadless ?? null,
    is_free_bugbot: e.isFreeBugbot ?? null,
    requests_costs: amountText(e.requestsCosts),
    input_tokens: tokens?.inputTokens ?? null,
    output_tokens: tokens?.outputTokens ?? null,
    cache_write_tokens: tokens?.cacheWriteTokens ?? null,
    cache_read_tokens: tokens?.cacheReadTokens ?? null,
    discount_percent_off: amountText(tokens?.discountPercentOff),
    model_cost_cents: amountText(tokens?.totalCents),
    model_cost_usd: usdOfCents(tokens?.totalCents),
    token_fee_cents: amountText(e.cursorTokenFee),
    token_fee_usd: usdOfCents(e.cursorTokenFee),
    charged_cents: amountText(e.chargedCents),
    charged_usd: usdOfCents(e.chargedCents),
    raw_json: rawJson(e),
  }
}
