// The options every vendor simulator takes, and the defaults that must agree across vendors:
// the same seed gives the same synthetic people everywhere, and each org is anchored to the UTC
// day the simulator starts on, so a clock that later moves forward sees the same history, growing.

import { dayOf, type Day } from '../../core/days.js'

export const DEFAULT_SEED = 42
export const DEFAULT_HISTORY_DAYS = 400

export interface VendorSimulatorOptions {
  seed?: number
  /** The simulator clock, read on every request (default: the real time). */
  now?: () => Date
  /** Days of history before the start day that have data (default 400). */
  historyDays?: number
  /** The credential the server accepts (default: the vendor's clearly fake key). */
  apiKey?: string
  /** Default 0: a free port on loopback. */
  port?: number
}

/** What a vendor's org builder needs. */
export interface OrgOptions {
  seed: number
  /** The UTC day the simulator started on. */
  anchorDay: Day
  historyDays: number
}

export interface ResolvedOptions {
  seed: number
  now: () => Date
  apiKey: string
  port: number
  org: OrgOptions
}

export function resolveSimulatorOptions(
  options: VendorSimulatorOptions,
  defaultApiKey: string,
): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_SEED
  const now = options.now ?? (() => new Date())
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS
  return {
    seed,
    now,
    apiKey: options.apiKey ?? defaultApiKey,
    port: options.port ?? 0,
    org: { seed, anchorDay: dayOf(now()), historyDays },
  }
}
