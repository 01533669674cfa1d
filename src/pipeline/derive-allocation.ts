// The allocation step: recompute allocated_cost_daily for the days this run loaded, plus any
// day whose allocated total differs from its vendor lines (a failed earlier step, history
// loaded before this step existed, a revised day) — so the table heals itself and a first run
// backfills it. Lines and weights come from the allocation_* views; the split is exact, in
// TypeScript. Each range of at most CHUNK_DAYS is one replace_window load: a re-run of the
// same days writes the same rows (weights are ordered before splitting).

import { chunkRange, daysIn, addDays, type Day, type DayRange } from '../core/days.js'
import { fromDecimalString, toDecimalString } from '../core/money.js'
import type { Row } from '../core/records.js'
import {
  allocateLines,
  type AllocatedPart,
  type AllocationLine,
  type AllocationWeight,
} from '../identity/allocation.js'
import { lineKey } from '../sources/parse.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { DERIVED_VENDOR, loadDerived, type DeriveContext, type StepResult } from './derive-load.js'
import type { ResourceOutcome } from './report.js'

export const ALLOCATION_TABLE = 'allocated_cost_daily'
const CHUNK_DAYS = 31

export async function deriveAllocations(
  ctx: DeriveContext,
  outcomes: readonly ResourceOutcome[],
): Promise<StepResult> {
  const days = new Set([...touchedDays(outcomes), ...(await mismatchedDays(ctx.warehouse))])
  if (days.size === 0) return { loads: 0, rows: 0, note: 'no days to allocate' }
  const sorted = [...days].sort()
  let rows = 0
  const ranges = contiguousRanges(sorted).flatMap((r) => chunkRange(r, CHUNK_DAYS))
  for (const range of ranges) rows += await allocateRange(ctx, range)
  return { loads: ranges.length, rows, window: { from: sorted[0]!, to: sorted.at(-1)! } }
}

/** Days any vendor resource committed data for in this run. */
export function touchedDays(outcomes: readonly ResourceOutcome[]): Day[] {
  return outcomes
    .filter((o) => o.vendor !== DERIVED_VENDOR && o.window && o.loads > 0)
    .flatMap((o) => daysIn(o.window!))
}

const MISMATCH_SQL = `
SELECT CAST(COALESCE(l.usage_date, a.usage_date) AS STRING) AS day
FROM (SELECT usage_date, provider, SUM(cost_usd) AS total FROM allocation_lines
      GROUP BY usage_date, provider) AS l
FULL OUTER JOIN (SELECT usage_date, provider, SUM(cost_usd) AS total FROM ${ALLOCATION_TABLE}
                 GROUP BY usage_date, provider) AS a
  ON a.usage_date = l.usage_date AND a.provider = l.provider
WHERE COALESCE(l.total, 0) <> COALESCE(a.total, 0)`

async function mismatchedDays(warehouse: Warehouse): Promise<Day[]> {
  const rows = await warehouse.query<{ day: string }>(MISMATCH_SQL)
  return rows.map((r) => r.day)
}

function contiguousRanges(sortedDays: readonly Day[]): DayRange[] {
  const ranges: DayRange[] = []
  for (const day of sortedDays) {
    const last = ranges.at(-1)
    if (last && addDays(last.to, 1) === day) last.to = day
    else ranges.push({ from: day, to: day })
  }
  return ranges
}

async function allocateRange(ctx: DeriveContext, range: DayRange): Promise<number> {
  const params = { from: range.from, to: range.to }
  const [lines, weights] = await Promise.all([
    ctx.warehouse.query<LineRow>(LINES_SQL, { params }),
    ctx.warehouse.query<WeightRow>(WEIGHTS_SQL, { params }),
  ])
  const parts = allocateLines(lines.map(toLine), weights.map(toWeight))
  const table = {
    table: ALLOCATION_TABLE,
    disposition: 'replace_window' as const,
    primaryKey: ['usage_date', 'line_key'],
    window: { ...range, column: 'usage_date' },
    rows: parts.map(toRow),
  }
  return loadDerived(ctx, 'allocation', [table], range)
}

const IN_RANGE = 'usage_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)'

const LINES_SQL = `SELECT CAST(usage_date AS STRING) AS usage_date, provider, line_id, service,
  tool, account_id, model, sku, source_basis, CAST(cost_usd AS STRING) AS cost_usd
FROM allocation_lines WHERE ${IN_RANGE}`

const WEIGHTS_SQL = `SELECT CAST(usage_date AS STRING) AS usage_date, provider, line_id,
  identity_type, identity, method, CAST(weight AS STRING) AS weight
FROM allocation_weights WHERE ${IN_RANGE}`

type Text = string | null

interface LineRow extends Record<string, unknown> {
  usage_date: string
  provider: string
  line_id: string
  service: string
  tool: string
  account_id: Text
  model: Text
  sku: Text
  source_basis: string
  cost_usd: string
}

interface WeightRow extends Record<string, unknown> {
  usage_date: string
  provider: string
  line_id: string
  identity_type: string
  identity: string
  method: string
  weight: string
}

function toLine(r: LineRow): AllocationLine {
  return {
    usageDate: r.usage_date,
    provider: r.provider,
    lineId: r.line_id,
    service: r.service,
    tool: r.tool,
    accountId: r.account_id,
    model: r.model,
    sku: r.sku,
    sourceBasis: r.source_basis,
    cost: fromDecimalString(r.cost_usd),
  }
}

/** Weights are whole numbers (tokens) or dollars of an estimate: nano-units keep both exact. */
function toWeight(r: WeightRow): AllocationWeight {
  return {
    usageDate: r.usage_date,
    provider: r.provider,
    lineId: r.line_id,
    identityType: r.identity_type,
    identity: r.identity,
    method: r.method,
    weight: fromDecimalString(r.weight),
  }
}

function toRow(p: AllocatedPart): Row {
  const grouping = {
    provider: p.provider,
    service: p.service,
    tool: p.tool,
    account_id: p.accountId,
    model: p.model,
    sku: p.sku,
    identity_type: p.identityType,
    identity: p.identity,
    method: p.method,
    source_basis: p.sourceBasis,
  }
  return {
    usage_date: p.usageDate,
    line_key: lineKey(grouping),
    ...grouping,
    cost_usd: toDecimalString(p.cost),
  }
}
