// When each Copilot seat was assigned and (for a few) cancelled. Times are anchored to the
// simulator's start day, so the seat list changes as the injected clock moves: a future joiner
// appears, a pending cancellation turns into a removal at the start of the next billing cycle.
// A cancelled seat stays billed (and usable) until its cycle ends, as GitHub does.

import { addDays, startOfDayMs, type Day } from '../../core/days.js'
import type { Random } from '../shared/random.js'

export interface SeatTimeline {
  createdAtMs: number
  /** When a cancellation was requested; the seat shows `pending_cancellation_date` from then. */
  cancelRequestedAtMs: number | null
  /** The first day without the seat (start of the next billing cycle after the request). */
  removedOn: Day | null
}

export type SeatFate = 'kept' | 'future' | 'removed' | 'pending'

export interface TimelineContext {
  historyStart: Day
  anchorDay: Day
  historyDays: number
}

const HOUR = 3_600_000

/** The start of the next calendar month: GitHub bills Copilot seats per monthly cycle. */
export function nextCycleStart(day: Day): Day {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))]
  const next = new Date(Date.UTC(y, m, 1))
  return next.toISOString().slice(0, 10)
}

export function buildSeatTimeline(rng: Random, fate: SeatFate, ctx: TimelineContext): SeatTimeline {
  const createdAtMs = seatCreatedAt(rng, fate, ctx)
  if (fate === 'removed') return removedSeat(rng, createdAtMs, ctx)
  if (fate === 'pending') return pendingSeat(rng, createdAtMs, ctx)
  return { createdAtMs, cancelRequestedAtMs: null, removedOn: null }
}

function seatCreatedAt(rng: Random, fate: SeatFate, ctx: TimelineContext): number {
  const hourOfDay = rng.int(13, 22) * HOUR + rng.int(0, 3599) * 1000
  if (fate === 'future') return startOfDayMs(addDays(ctx.anchorDay, rng.int(2, 20))) + hourOfDay
  const joinedDuringHistory = fate === 'kept' && rng.chance(0.25)
  const day = joinedDuringHistory
    ? addDays(ctx.historyStart, rng.int(0, Math.max(0, ctx.historyDays - 5)))
    : addDays(ctx.historyStart, -rng.int(5, 300))
  return startOfDayMs(day) + hourOfDay
}

/** Cancelled somewhere in the history, gone from the start of the following month. */
function removedSeat(rng: Random, createdAtMs: number, ctx: TimelineContext): SeatTimeline {
  const latest = addDays(ctx.anchorDay, -40)
  const earliest = addDays(ctx.historyStart, 30)
  const span = Math.max(0, (startOfDayMs(latest) - startOfDayMs(earliest)) / 86_400_000)
  const requestDay = addDays(earliest, rng.int(0, span))
  const cancelRequestedAtMs = startOfDayMs(requestDay) + rng.int(9, 17) * HOUR
  return { createdAtMs, cancelRequestedAtMs, removedOn: nextCycleStart(requestDay) }
}

/** Cancelled this month (at or before the start instant), so the seat is pending at start. */
function pendingSeat(rng: Random, createdAtMs: number, ctx: TimelineContext): SeatTimeline {
  const dayOfMonth = Number(ctx.anchorDay.slice(8, 10))
  const back = rng.int(0, Math.min(10, dayOfMonth - 1))
  const requestDay = addDays(ctx.anchorDay, -back)
  // Midnight on the anchor day itself, so "pending" already holds at the simulator's first now.
  const cancelRequestedAtMs = startOfDayMs(requestDay) + (back === 0 ? 0 : rng.int(9, 17) * HOUR)
  return { createdAtMs, cancelRequestedAtMs, removedOn: nextCycleStart(requestDay) }
}

/** Does the seat exist (assigned and not yet removed) at `ms`? */
export function isSeatedAt(seat: SeatTimeline, ms: number): boolean {
  return seat.createdAtMs <= ms && (seat.removedOn === null || ms < startOfDayMs(seat.removedOn))
}

/** Does the seat exist at any moment of `day`? Activity needs a seat. */
export function isSeatedOn(seat: SeatTimeline, day: Day): boolean {
  const start = startOfDayMs(day)
  return seat.createdAtMs < start + 86_400_000 && (seat.removedOn === null || day < seat.removedOn)
}
