// Copilot seat assignments, snapshotted every run so seat history builds up (the API only
// shows today's seats). Rows merge on (snapshot day, owner, login, assignment): two runs on one
// day keep one snapshot, runs on later days add theirs. Each row carries the configured seat
// price prorated to that day; the cost view counts a login once per day (an enterprise lists a
// user once per granting org or team, but bills one seat).

import { dayOf } from '../../core/days.js'
import { dollars, toDecimalString, type Money } from '../../core/money.js'
import { rawJson, type Row } from '../../core/records.js'
import { paginateLinkHeader } from '../../http/paginate.js'
import { parsePageOrThrow, type ParseWhere } from '../parse.js'
import type { ExtractContext, NormalizeContext, RawPage, Resource } from '../source.js'
import { seatsPageSchema, type Seat } from './payloads.js'
import { scopePaths, type GithubScope } from './scope.js'
import { dailySeatPrice } from './seat-cost.js'

export const SEATS_TABLE = 'github_copilot_seats'
const WHERE: ParseWhere = { vendor: 'github', resource: 'seats' }

export interface SeatsOptions {
  scope: GithubScope
  /** Monthly seat price in USD as a decimal string; undefined = no seat cost. */
  seatPriceUsd?: string
}

export function seatsResource(o: SeatsOptions): Resource {
  const price = o.seatPriceUsd === undefined ? undefined : dollars(o.seatPriceUsd)
  return {
    name: 'seats',
    tables: [
      {
        name: SEATS_TABLE,
        primaryKey: ['snapshot_date', 'owner', 'assignee_login', 'assignment_key'],
        writeDisposition: 'merge',
      },
    ],
    extract: (ctx) => seatPages(ctx, scopePaths(o.scope).seats),
    normalize: (page, ctx) => normalizeSeatsPage(page, ctx, o.scope, price),
  }
}

async function* seatPages(ctx: ExtractContext, path: string): AsyncIterable<RawPage> {
  const req = { path, query: { per_page: 100 }, endpoint: path, signal: ctx.signal }
  for await (const p of paginateLinkHeader(ctx.http, req)) {
    yield { page: p.page, retries: p.retries, body: p.body }
  }
}

export function normalizeSeatsPage(
  page: RawPage,
  ctx: NormalizeContext,
  scope: GithubScope,
  price: Money | undefined,
): Record<string, Row[]> {
  const body = parsePageOrThrow(seatsPageSchema, page, WHERE)
  const snapshotDate = dayOf(new Date(ctx.capturedAt))
  const dailyPrice =
    price === undefined ? null : toDecimalString(dailySeatPrice(price, snapshotDate))
  const rows = body.seats.map((seat) => ({
    snapshot_date: snapshotDate,
    owner: scope.owner,
    assignee_login: seat.assignee.login.toLowerCase(),
    assignment_key: assignmentKey(seat, scope),
    ...seatColumns(seat),
    seat_daily_price_usd: dailyPrice,
    captured_at: ctx.capturedAt,
    raw_json: rawJson(seat),
  }))
  return { [SEATS_TABLE]: rows }
}

/** '' in an organization (one seat per login); the granting org and team in an enterprise. */
function assignmentKey(seat: Seat, scope: GithubScope): string {
  if (scope.kind === 'organization') return ''
  return `${seat.organization?.login ?? ''}/${seat.assigning_team?.slug ?? ''}`
}

function seatColumns(seat: Seat): Row {
  return {
    assignee_id: seat.assignee.id,
    assignee_type: seat.assignee.type ?? null,
    plan_type: seat.plan_type ?? null,
    organization_login: seat.organization?.login ?? null,
    assigning_team_id: seat.assigning_team?.id ?? null,
    assigning_team_slug: seat.assigning_team?.slug ?? null,
    assigning_team_name: seat.assigning_team?.name ?? null,
    created_at: seat.created_at ?? null,
    updated_at: seat.updated_at ?? null,
    pending_cancellation_date: seat.pending_cancellation_date ?? null,
    last_activity_at: seat.last_activity_at ?? null,
    last_activity_editor: seat.last_activity_editor ?? null,
    last_authenticated_at: seat.last_authenticated_at ?? null,
  }
}
