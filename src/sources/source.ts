// What a vendor plugs into the pipeline. A Source is a vendor; its Resources are endpoints.
// A resource declares how it is stored (table, key, write disposition), how it advances
// (an optional day cursor with lookback and chunking), and two stages the pipeline runs in
// order: extract (HTTP → raw pages) and normalize (raw page → validated canonical rows).
// Sources never import the warehouse or the pipeline: they only describe and fetch.

import type { Clock } from '../core/clock.js'
import type { DayRange } from '../core/days.js'
import type { Logger } from '../core/logger.js'
import type { Row, Vendor } from '../core/records.js'
import type { HttpClient } from '../http/types.js'

/**
 * - `merge`: upsert on the primary key; nothing is ever deleted (rolling-window vendors:
 *   a later, narrower read must not erase captured history).
 * - `replace_window`: delete the window's days (by `dateColumn`), then insert; for vendors that
 *   serve their full history, so a revised day is replaced whole.
 * - `append`: insert only (snapshots keyed by their capture time).
 */
export type WriteDisposition = 'merge' | 'replace_window' | 'append'

export interface IncrementalSpec {
  /** Days re-read before the saved cursor on every run, because vendors revise recent data. */
  lookbackDays: number
  /** How far back the first run goes when no cursor is saved (overridden by --from). */
  initialDays: number
  /** Most days one request (and one load) covers: the API's chunk limit. */
  chunkDays: number
  /** Days the vendor lags: the newest day requested is yesterday minus this. Default 0. */
  lagDays?: number
}

/** One page as it came from the API, with where it came from (for error messages). */
export interface RawPage<T = unknown> {
  /** 1-based page number within this window. */
  page: number
  /** The request window (for day-incremental resources). */
  window?: DayRange
  /** Retries the HTTP layer spent getting this page (429/5xx/timeouts). */
  retries?: number
  body: T
}

export interface ExtractContext {
  http: HttpClient
  logger: Logger
  clock: Clock
  signal?: AbortSignal
}

export interface NormalizeContext {
  /** The day window this page was requested for. */
  window?: DayRange
  /** Snapshot time of this run (ISO), for resources that keep history per capture. */
  capturedAt: string
}

/** One table a resource writes. A resource writes one table, or a parent and its child tables
 *  (e.g. Claude Code rows and their per-model breakdown), all in the same unit of work. */
export interface TableSpec {
  name: string
  primaryKey: readonly string[]
  writeDisposition: WriteDisposition
  /** DATE column a window applies to (required for `replace_window`). */
  dateColumn?: string
}

/** Rows per table name, as normalize returns them. */
export type TableRows = Record<string, Row[]>

export interface Resource<Raw = unknown> {
  /** Stable name, unique within the vendor: 'cost_report'. */
  name: string
  /** Target tables (created by migrations); the first is the main one. */
  tables: readonly TableSpec[]
  /** Day-cursor resources; absent means full refresh every run (dimension lists). */
  incremental?: IncrementalSpec
  /** Reads every page of one window (or the whole list) to the end. */
  extract(ctx: ExtractContext, window?: DayRange): AsyncIterable<RawPage<Raw>>
  /** Turns one raw page into canonical rows per table; throws SOURCE_PAYLOAD naming the field
   *  and day. */
  normalize(page: RawPage<Raw>, ctx: NormalizeContext): TableRows
}

export interface Source {
  vendor: Vendor
  /** Human name for output: 'Anthropic'. */
  title: string
  resources: readonly Resource[]
  /** Resources of this vendor fetched at once (the vendor's rate limits decide). */
  concurrency: number
  /** The HTTP client configured for this vendor (auth, base URL, retries, pacing). */
  http: HttpClient
}
