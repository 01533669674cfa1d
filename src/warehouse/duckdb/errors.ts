// The one choke point for DuckDB failures: every driver call goes through `callDuckdb`, which
// turns whatever the driver threw into a PipelineError (WAREHOUSE_LOAD for writes of loaded
// rows, WAREHOUSE_QUERY otherwise) with the table in `context`. DuckDB messages quote the
// offending values ("duplicate key "2025-01-02, a"", "Could not convert string 'x'"), so we
// keep only the first line with quoted text masked, and the cause is that sanitised copy.

import { PipelineError } from '../../core/errors.js'

export type DuckdbOperation = 'open' | 'query' | 'load' | 'write' | 'migrate' | 'read'

export interface DuckdbCallContext {
  op: DuckdbOperation
  table?: string
  loadId?: string
}

const KIND = /^([A-Za-z ]+?) Error: /
const RETRYABLE = /Could not set lock|Conflicting lock|Transaction conflict|write-write conflict/i

/** Runs one driver call, classifying anything it throws. */
export async function callDuckdb<T>(context: DuckdbCallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw classifyDuckdbError(error, context)
  }
}

/** A PipelineError for a driver failure; a PipelineError passes through with more context. */
export function classifyDuckdbError(error: unknown, context: DuckdbCallContext): PipelineError {
  const where = { table: context.table, loadId: context.loadId }
  if (error instanceof PipelineError) return error.withContext(where)
  const raw = error instanceof Error ? error.message : String(error)
  const kind = KIND.exec(raw)?.[1] ?? 'Driver'
  const detail = sanitizeDuckdbMessage(raw, kind)
  const cause = new Error(detail)
  cause.name = 'DuckDBError'
  return new PipelineError(codeFor(context.op), describe(context, kind, detail), {
    retryable: RETRYABLE.test(raw),
    cause,
    context: { ...where, driverError: kind },
  })
}

/** First line only (later lines echo the SQL), quoted values masked. */
export function sanitizeDuckdbMessage(message: string, kind: string): string {
  const first = (message.split('\n')[0] ?? '').trim()
  const noStrings = first.replace(/'(?:[^']|'')*'/g, "'…'")
  // Double quotes hold identifiers, except in constraint errors where they hold key values.
  return kind === 'Constraint' ? noStrings.replace(/"[^"]*"/g, '"…"') : noStrings
}

function codeFor(op: DuckdbOperation) {
  return op === 'load' ? ('WAREHOUSE_LOAD' as const) : ('WAREHOUSE_QUERY' as const)
}

const DOING: Record<DuckdbOperation, string> = {
  open: 'opening the database file',
  query: 'running a query',
  load: 'loading rows',
  write: 'writing pipeline bookkeeping',
  migrate: 'migrating',
  read: 'reading pipeline bookkeeping',
}

function describe(context: DuckdbCallContext, kind: string, detail: string): string {
  const on = context.table ? ` into ${context.table}` : ''
  return `DuckDB failed while ${DOING[context.op]}${on}: ${detail}. ${hint(kind, detail)}`.trim()
}

function hint(kind: string, detail: string): string {
  if (/lock/i.test(detail))
    return 'Another process holds the file; stop it or use a read-only query.'
  if (kind === 'Catalog') return 'Run `ai-usage migrate` to create missing tables and views.'
  if (kind === 'Constraint') return 'A row breaks a key or NOT NULL rule; check the normalizer.'
  if (kind === 'Conversion') return 'A value does not fit its column type; check the normalizer.'
  if (kind === 'Parser' || kind === 'Binder') return 'Check the SQL.'
  return ''
}
