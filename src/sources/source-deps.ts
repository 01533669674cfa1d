// What every vendor's source factory and HTTP client take besides its own settings: the clock
// and logger the pipeline injects, and a fetch tests can replace. registry.ts declares the same
// shape; vendors import this one because importing the registry would close an import cycle.

import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { Vendor } from '../core/records.js'

export interface VendorSourceDeps {
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
}

/** Where and how fast a vendor's client talks (its credential is named by the vendor). */
export interface VendorClientOptions extends VendorSourceDeps {
  baseUrl: string
  requestsPerMinute: number
}

/** The deps a vendor hands its client: the same clock and fetch, a logger tagged with it. */
export function clientDeps(deps: VendorSourceDeps, vendor: Vendor): VendorSourceDeps {
  return { clock: deps.clock, logger: deps.logger.child({ vendor }), fetch: deps.fetch }
}
