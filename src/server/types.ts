// What the HTTP app is built from, and what each request carries. Everything is injected
// (no globals), so tests pass a fake verifier, a tmp DuckDB and a fake clock.

import type { Config } from '../config/schema.js'
import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { Source } from '../sources/source.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import type { Caller } from './auth.js'
import type { IdTokenVerifier } from './oidc.js'
import type { RunLock } from './run-lock.js'

export interface AppDeps {
  config: Config
  logger: Logger
  clock: Clock
  sources: readonly Source[]
  /** The process's warehouse, opened once and shared; the app never closes it. */
  openWarehouse: () => Promise<Warehouse>
  verifier: IdTokenVerifier
  /** One run at a time per process; shutdown aborts through it. Default: a fresh lock. */
  runLock?: RunLock
  /** Masks configured secrets by value (the app context's `redact`). */
  redact?: (text: string) => string
}

/** Hono's per-request variables. */
export interface ServerEnv {
  Variables: {
    requestId: string
    /** The request's logger: requestId, trace and labels bound. */
    log: Logger
    redact: (text: string) => string
    caller?: Caller
  }
}
