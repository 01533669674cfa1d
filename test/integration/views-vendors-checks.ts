// Shared read-backs for the vendor feed tests (views-vendors-*.test.ts): an identity map
// imported through the real `identity-map` import, and the public views read back exactly —
// spend per day against cost_daily, the Unmapped remainder, spend per person-day, and the
// adoption/productivity rows of one tool. Money stays exact (decimal strings → bigint).

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../../src/core/clock.js'
import type { Logger } from '../../src/core/logger.js'
import { dollars, toDecimalString, type Money } from '../../src/core/money.js'
import { runImport } from '../../src/imports/run.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'

export interface MapRow {
  identity: string
  provider?: string
  email: string
  team: string
}

let maps = 0

/** Writes the rows as an identity-map CSV in `dir` and imports it as the CLI would. */
export async function importIdentityMap(
  deps: { warehouse: Warehouse; clock: Clock; logger: Logger },
  dir: string,
  rows: readonly MapRow[],
): Promise<void> {
  const lines = rows.map((r) => [r.identity, r.provider ?? '', r.email, r.team, ''].join(','))
  const path = join(dir, `identity-map-${++maps}.csv`)
  writeFileSync(path, ['identity,provider,email,team,valid_from', ...lines].join('\n') + '\n')
  await runImport(deps, { kind: 'identity-map', path })
}

/** `day basis total` lines of cost_daily and of spend_by_person_daily (by source basis). */
export async function spendAgainstCost(warehouse: Warehouse, provider: string) {
  const cost = await totals(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || basis AS k, CAST(SUM(cost_usd) AS VARCHAR) AS v
     FROM cost_daily WHERE provider = '${provider}' GROUP BY 1`,
  )
  const spend = await totals(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || source_basis AS k,
            CAST(SUM(cost_usd) AS VARCHAR) AS v
     FROM spend_by_person_daily WHERE provider = '${provider}' GROUP BY 1`,
  )
  return { cost: lines(cost), spend: lines(spend) }
}

/** The Unmapped remainder rows (what no feed attributed) per `day service basis`. */
export function remainders(warehouse: Warehouse, provider: string): Promise<Map<string, Money>> {
  return totals(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || service || ' ' || basis AS k,
            CAST(SUM(cost_usd) AS VARCHAR) AS v
     FROM attributed_cost_daily WHERE provider = '${provider}' AND method = 'remainder' GROUP BY 1`,
  )
}

/** spend_by_person_daily of one source basis per `day person`, zero rows left out. */
export async function spendByDayAndPerson(
  warehouse: Warehouse,
  provider: string,
  basis = 'vendor_reported',
): Promise<Map<string, Money>> {
  const all = await totals(
    warehouse,
    `SELECT CAST(usage_date AS VARCHAR) || ' ' || person AS k, CAST(SUM(cost_usd) AS VARCHAR) AS v
     FROM spend_by_person_daily WHERE provider = '${provider}' AND source_basis = '${basis}'
     GROUP BY 1`,
  )
  return new Map([...all].filter(([, v]) => v !== 0n))
}

/** Sorted `key amount` lines, zero amounts left out: maps compare as readable text. */
export function lines(m: ReadonlyMap<string, Money>): string[] {
  return [...m]
    .filter(([, v]) => v !== 0n)
    .map(([k, v]) => `${k} ${toDecimalString(v)}`)
    .sort()
}

/** Adds `amount` under `key` (exact). */
export function addTo(m: Map<string, Money>, key: string, amount: Money): void {
  m.set(key, ((m.get(key) ?? 0n) + amount) as Money)
}

async function totals(warehouse: Warehouse, sql: string): Promise<Map<string, Money>> {
  const rows = await warehouse.query<{ k: string; v: string }>(sql)
  return new Map(rows.map((r) => [r.k, dollars(r.v)]))
}

export interface AdoptionRow extends Record<string, unknown> {
  day: string
  dau: number
  unmapped: number
  seats: number
  active28: number
  idle14: number
}

/** adoption_daily of one tool, by day, counts as numbers. */
export async function adoption(warehouse: Warehouse, tool: string): Promise<AdoptionRow[]> {
  const rows = await warehouse.query<AdoptionRow>(
    `SELECT CAST(usage_date AS VARCHAR) AS day, daily_active_people AS dau,
            active_unmapped_identities AS unmapped, seats, seats_active_28d AS active28,
            idle_seats_14d AS idle14
     FROM adoption_daily WHERE tool = '${tool}' ORDER BY usage_date`,
  )
  return rows.map((r) => ({
    day: r.day,
    dau: Number(r.dau),
    unmapped: Number(r.unmapped),
    seats: Number(r.seats),
    active28: Number(r.active28),
    idle14: Number(r.idle14),
  }))
}

export interface ProductivityTotals extends Record<string, unknown> {
  rows: number
  shown: number | null
  accepted: number | null
  proposed: number | null
  edits: number | null
  added: number | null
  lines: number | null
  bad_rates: number
}

/** productivity_daily of one tool summed over days and teams, and rows with a rate outside [0, 1]. */
export async function productivity(warehouse: Warehouse, tool: string) {
  const [row] = await warehouse.query<ProductivityTotals>(
    `SELECT COUNT(*) AS rows, SUM(suggestions_shown) AS shown, SUM(suggestions_accepted) AS accepted,
            SUM(edits_proposed) AS proposed, SUM(edits_accepted) AS edits,
            SUM(lines_added) AS added, SUM(lines_accepted) AS lines,
            SUM(CASE WHEN suggestion_acceptance_rate NOT BETWEEN 0 AND 1
                       OR edit_acceptance_rate NOT BETWEEN 0 AND 1 THEN 1 ELSE 0 END) AS bad_rates
     FROM productivity_daily WHERE tool = '${tool}'`,
  )
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, n(v)])) as ProductivityTotals
}
