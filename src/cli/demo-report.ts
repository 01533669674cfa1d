// What the demo prints after its run: spend by provider, service and model from the public
// `cost_daily` view, and a day-by-day reconciliation against a simulator's truth.

import { daysIn, type Day } from '../core/days.js'
import { dollars, formatUsd, roundToCents, sum, type Money } from '../core/money.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { formatTable } from './output.js'

export interface Reconciliation {
  vendor: string
  days: number
  warehouseTotal: string
  truthTotal: string
  /** Days whose warehouse spend differs from the truth when both are rounded to cents. */
  mismatchedDays: Day[]
}

export async function reconcile(
  warehouse: Warehouse,
  vendor: string,
  truth: Map<Day, Money>,
  from: Day,
  to: Day,
): Promise<Reconciliation> {
  const rows = await warehouse.query<{ usage_date: string; cost: string }>(
    `SELECT CAST(usage_date AS STRING) AS usage_date, CAST(sum(cost_usd) AS STRING) AS cost
     FROM cost_daily WHERE provider = $vendor AND basis = 'vendor_reported' AND usage_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
     GROUP BY usage_date`,
    { params: { vendor, from, to } },
  )
  const loaded = new Map(rows.map((r) => [r.usage_date, dollars(r.cost)]))
  const days = daysIn({ from, to })
  const mismatchedDays = days.filter(
    (d) =>
      roundToCents(loaded.get(d) ?? (0n as Money)) !== roundToCents(truth.get(d) ?? (0n as Money)),
  )
  return {
    vendor,
    days: days.length,
    warehouseTotal: formatUsd(sum(loaded.values())),
    truthTotal: formatUsd(sum(truth.values())),
    mismatchedDays,
  }
}

export async function spendBreakdown(warehouse: Warehouse, from: Day, to: Day): Promise<string> {
  const rows = await warehouse.query<{
    provider: string
    service: string
    model: string
    basis: string
    cost: string
  }>(
    `SELECT provider, service, coalesce(model, '(' || coalesce(sku, 'other') || ')') AS model, basis, CAST(sum(cost_usd) AS STRING) AS cost
     FROM cost_daily WHERE usage_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
     GROUP BY 1, 2, 3, 4 ORDER BY sum(cost_usd) DESC`,
    { params: { from, to } },
  )
  const total = sum(rows.map((r) => dollars(r.cost)))
  const table = formatTable(
    ['provider', 'service', 'model', 'basis', 'spend'],
    [
      ...rows.map((r) => [r.provider, r.service, r.model, r.basis, formatUsd(dollars(r.cost))]),
      ['total', '', '', '', formatUsd(total)],
    ],
  )
  return `Spend ${from}..${to} (from cost_daily):\n${table}`
}
