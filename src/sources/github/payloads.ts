// zod schemas of the raw GitHub payloads (vendor-apis.md §4): the report-link envelope, the
// daily aggregate and user report records behind the links, seat assignments and premium-
// request usage. Objects are loose (new fields pass through into raw_json), and counters are
// optional: the report shapes changed during 2025–2026, and a missing counter is stored NULL.

import { z } from 'zod'

const count = z.number().int().nonnegative()
const optCount = count.nullable().optional()
const optString = z.string().nullable().optional()
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')

/** `{download_links: [...], report_day}` — links to the files, never the data. */
export const reportLinksSchema = z.looseObject({
  download_links: z.array(z.url()),
  report_day: day.optional(),
})
export type ReportLinks = z.infer<typeof reportLinksSchema>

/** The counters every report level carries (org, user, and each totals_by_* row). */
export const counterFields = {
  user_initiated_interaction_count: optCount,
  code_generation_activity_count: optCount,
  code_acceptance_activity_count: optCount,
  loc_suggested_to_add_sum: optCount,
  loc_suggested_to_delete_sum: optCount,
  loc_added_sum: optCount,
  loc_deleted_sum: optCount,
}

export const totalsRowSchema = z.looseObject({
  ide: optString,
  feature: optString,
  language: optString,
  model: optString,
  ...counterFields,
})
export type TotalsRow = z.infer<typeof totalsRowSchema>

const totalsList = z.array(totalsRowSchema).nullable().optional()

export const breakdownFields = {
  totals_by_ide: totalsList,
  totals_by_feature: totalsList,
  totals_by_language_feature: totalsList,
  totals_by_language_model: totalsList,
  totals_by_model_feature: totalsList,
}

export const cliSchema = z
  .looseObject({
    session_count: optCount,
    request_count: optCount,
    prompt_count: optCount,
    token_usage: z
      .looseObject({ prompt_tokens_sum: optCount, output_tokens_sum: optCount })
      .nullable()
      .optional(),
  })
  .nullable()
  .optional()

const scopeIdFields = {
  organization_id: z.union([z.string(), z.number()]).nullable().optional(),
  enterprise_id: z.union([z.string(), z.number()]).nullable().optional(),
}

/** organization-1-day / enterprise-1-day: one JSON object per day. */
export const aggregateReportSchema = z.looseObject({
  day,
  ...scopeIdFields,
  daily_active_users: optCount,
  weekly_active_users: optCount,
  monthly_active_users: optCount,
  monthly_active_chat_users: optCount,
  monthly_active_agent_users: optCount,
  daily_active_cli_users: optCount,
  ...counterFields,
  ...breakdownFields,
  totals_by_cli: cliSchema,
  pull_requests: z.record(z.string(), z.unknown()).nullable().optional(),
})
export type AggregateReport = z.infer<typeof aggregateReportSchema>

const flag = z.boolean().nullable().optional()

/** One NDJSON line of users-1-day. */
export const userRecordSchema = z.looseObject({
  user_id: z.number().int().positive(),
  user_login: z.string().min(1),
  day,
  ...scopeIdFields,
  ...counterFields,
  ...breakdownFields,
  totals_by_cli: cliSchema,
  used_agent: flag,
  used_chat: flag,
  used_cli: flag,
  used_copilot_code_review_active: flag,
  used_copilot_code_review_passive: flag,
  used_copilot_coding_agent: flag,
})
export type UserRecord = z.infer<typeof userRecordSchema>

const teamSchema = z.looseObject({ id: z.number().int(), slug: z.string(), name: optString })

export const seatSchema = z.looseObject({
  assignee: z.looseObject({ login: z.string().min(1), id: z.number().int(), type: optString }),
  assigning_team: teamSchema.nullable().optional(),
  organization: z
    .looseObject({ login: z.string().min(1) })
    .nullable()
    .optional(),
  plan_type: optString,
  created_at: optString,
  updated_at: optString,
  pending_cancellation_date: optString,
  last_activity_at: optString,
  last_activity_editor: optString,
  last_authenticated_at: optString,
})
export type Seat = z.infer<typeof seatSchema>

export const seatsPageSchema = z.looseObject({
  total_seats: count.optional(),
  seats: z.array(seatSchema),
})

/** Dollars and quantities are JSON numbers: read through their shortest text, never multiplied. */
const amount = z.number().refine(Number.isFinite, 'must be a finite number')

export const usageItemSchema = z.looseObject({
  product: z.string().min(1),
  sku: z.string().min(1),
  model: z.string().min(1),
  unitType: optString,
  pricePerUnit: amount.nullable().optional(),
  grossQuantity: amount,
  grossAmount: amount,
  discountQuantity: amount,
  discountAmount: amount,
  netQuantity: amount,
  netAmount: amount,
})
export type UsageItem = z.infer<typeof usageItemSchema>

export const premiumUsageSchema = z.looseObject({
  timePeriod: z
    .looseObject({
      year: z.number().int(),
      month: z.number().int().optional(),
      day: z.number().int().optional(),
    })
    .optional(),
  usageItems: z.array(usageItemSchema),
})
export type PremiumUsage = z.infer<typeof premiumUsageSchema>
