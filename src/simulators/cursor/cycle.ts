// Billing-cycle arithmetic. Cursor's cycle does not start on the 1st: it starts each month on
// a fixed day and time of day (the first team saw the 3rd at ~20:33 UTC), so a cycle boundary
// falls inside any 30-day window and cumulative spend restarts near zero there.

import type { BillingCycle } from './org.js'

/** Epoch ms of the start of the cycle containing `ms` (the latest boundary ≤ ms). */
export function cycleStartAt(cycle: BillingCycle, ms: number): number {
  const d = new Date(ms)
  const sameMonth = boundary(cycle, d.getUTCFullYear(), d.getUTCMonth())
  if (sameMonth <= ms) return sameMonth
  return boundary(cycle, d.getUTCFullYear(), d.getUTCMonth() - 1)
}

/** Epoch ms of the start of the cycle after the one containing `ms`. */
export function nextCycleStartAt(cycle: BillingCycle, ms: number): number {
  const start = new Date(cycleStartAt(cycle, ms))
  return boundary(cycle, start.getUTCFullYear(), start.getUTCMonth() + 1)
}

function boundary(cycle: BillingCycle, year: number, month: number): number {
  // Date.UTC normalises month -1 and 12 into the neighbouring years.
  return Date.UTC(year, month, cycle.dayOfMonth, cycle.hour, cycle.minute)
}
