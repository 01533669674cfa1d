// The costs resource: `/organization/costs`, daily, grouped by project, line item and (where the
// API allows it) API key — the money truth (OpenAI: Costs reconciles to the invoice, Usage may
// not). Every group is a disjoint slice of the day's spend, so the rows add up to the total at
// any grouping. Dollars are parsed from the number's exact text into DECIMAL(38,9).

import { dollars, toDecimalString } from '../../core/money.js'
import type { Row } from '../../core/records.js'
import { lineKey, parsePageOrThrow, payloadError, type ParseWhere } from '../parse.js'
import { windowOrThrow } from '../pages.js'
import { dailyReportTable } from '../report-tables.js'
import type { RawPage, Resource, TableRows } from '../source.js'
import { bucketDayOrThrow, bucketPages } from './buckets.js'
import { decimalText, rawJsonLossless } from './json.js'
import { classifyLineItem } from './line-items.js'
import { costPageSchema, type CostResult } from './payloads.js'

const COSTS: ParseWhere = { vendor: 'openai', resource: 'costs' }

export interface CostsOptions {
  lookbackDays: number
  /** Daily buckets per page (API default 7, max 180). */
  bucketsPerPage: number
  byApiKey: boolean
}

export function costsResource(o: CostsOptions): Resource {
  const groupBy = o.byApiKey
    ? ['project_id', 'line_item', 'api_key_id']
    : ['project_id', 'line_item']
  return {
    name: 'costs',
    tables: [dailyReportTable('openai_costs')],
    // 31 days per load although a page may hold 180 buckets: a failed load re-reads a month.
    incremental: { lookbackDays: o.lookbackDays, initialDays: 90, chunkDays: 31 },
    extract: (ctx, window) => {
      const query = { group_by: groupBy, limit: Math.min(o.bucketsPerPage, 180) }
      return bucketPages(
        ctx,
        { path: '/organization/costs', query },
        windowOrThrow(window, 'costs'),
      )
    },
    normalize: (page) => normalizeCostsPage(page),
  }
}

export function normalizeCostsPage(page: RawPage): TableRows {
  const body = parsePageOrThrow(costPageSchema, page, COSTS)
  const rows: Row[] = []
  for (const bucket of body.data) {
    const day = bucketDayOrThrow(bucket, COSTS, page.window)
    for (const result of bucket.results) rows.push(costRow(day, result, page))
  }
  return { openai_costs: rows }
}

function costRow(day: string, r: CostResult, page: RawPage): Row {
  if (r.amount.currency.toLowerCase() !== 'usd') {
    throw payloadError(
      `openai costs: currency ${r.amount.currency} is not usd`,
      COSTS,
      page.window,
      {
        day,
        field: 'amount.currency',
      },
    )
  }
  const amountText = decimalText(r.amount.value)
  const line = classifyLineItem(r.line_item ?? null)
  return {
    usage_date: day,
    line_key: lineKey({
      project_id: r.project_id,
      line_item: r.line_item,
      api_key_id: r.api_key_id,
    }),
    project_id: r.project_id ?? null,
    line_item: r.line_item ?? null,
    api_key_id: r.api_key_id ?? null,
    service: line.service,
    model: line.model,
    sku: line.sku,
    unit: line.unit,
    // Same exact scale-9 decimal parser as money; a quantity is not money, only its digits.
    quantity: r.quantity == null ? null : toDecimalString(dollars(decimalText(r.quantity))),
    currency: r.amount.currency.toLowerCase(),
    amount_value: amountText,
    amount_usd: toDecimalString(dollars(amountText)),
    raw_json: rawJsonLossless(r),
  }
}
