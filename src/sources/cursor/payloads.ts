// zod schemas of the raw Cursor Admin API pages (vendor-apis.md §3). Objects are loose: unknown
// fields pass through and the raw item is kept whole in raw_json. Types drift between doc
// versions (ids as numbers or 'user_…' strings, cents as numbers), so ids accept both and
// money accepts a JSON number or a decimal string; only what the pipeline relies on is required.

import { z } from 'zod'
import { nullableString } from '../payload-fields.js'

const count = z.number().int().nonnegative().nullable().optional()
const flag = z.boolean().nullable().optional()
/** An amount as a JSON number or a decimal string; money is parsed exactly (core/money.ts). */
export const decimalValue = z.union([
  z.number().finite(),
  z.string().regex(/^-?\d+(\.\d+)?$/, 'amount must be a decimal'),
])
const centsValue = decimalValue
const userId = z.union([z.string(), z.number()]).nullable().optional()
const email = z.string().min(1)

export const memberSchema = z.looseObject({
  id: userId,
  name: nullableString,
  email,
  role: nullableString,
  isRemoved: flag,
})
/** `{teamMembers:[…]}`; the oldest docs returned the bare array. */
export const membersPageSchema = z.union([
  z.looseObject({ teamMembers: z.array(memberSchema) }),
  z.array(memberSchema).transform((teamMembers) => ({ teamMembers })),
])
export type CursorMember = z.infer<typeof memberSchema>

export const dailyRowSchema = z.looseObject({
  userId,
  email,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD'),
  date: z.number().nullable().optional(),
  isActive: z.boolean(),
  totalLinesAdded: count,
  totalLinesDeleted: count,
  acceptedLinesAdded: count,
  acceptedLinesDeleted: count,
  totalApplies: count,
  totalAccepts: count,
  totalRejects: count,
  totalTabsShown: count,
  totalTabsAccepted: count,
  composerRequests: count,
  chatRequests: count,
  agentRequests: count,
  cmdkUsages: count,
  bugbotUsages: count,
  subscriptionIncludedReqs: count,
  usageBasedReqs: count,
  apiKeyReqs: count,
  mostUsedModel: nullableString,
  applyMostUsedExtension: nullableString,
  tabMostUsedExtension: nullableString,
  clientVersion: nullableString,
})
/** Paged (users per page): `pagination` is required, else inactive seats would be missing. */
export const dailyPageSchema = z.looseObject({
  data: z.array(dailyRowSchema),
  pagination: z.looseObject({ totalPages: z.number().int().nonnegative() }),
})
export type CursorDailyRow = z.infer<typeof dailyRowSchema>

export const spendRowSchema = z.looseObject({
  userId,
  name: nullableString,
  email,
  role: nullableString,
  spendCents: centsValue,
  overallSpendCents: centsValue.nullable().optional(),
  includedSpendCents: centsValue.nullable().optional(),
  fastPremiumRequests: count,
  hardLimitOverrideDollars: decimalValue.nullable().optional(),
  monthlyLimitDollars: decimalValue.nullable().optional(),
})
export const spendPageSchema = z.looseObject({
  teamMemberSpend: z.array(spendRowSchema),
  subscriptionCycleStart: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative().optional(),
})
export type CursorSpendRow = z.infer<typeof spendRowSchema>

export const eventSchema = z.looseObject({
  // Epoch ms as a STRING in the docs; a number is accepted too.
  timestamp: z.union([z.string().regex(/^\d+$/, 'timestamp must be epoch ms'), z.number().int()]),
  userEmail: email,
  model: nullableString,
  kind: nullableString,
  maxMode: flag,
  requestsCosts: z.number().finite().nullable().optional(),
  isTokenBasedCall: flag,
  isChargeable: flag,
  isHeadless: flag,
  tokenUsage: z
    .looseObject({
      inputTokens: count,
      outputTokens: count,
      cacheWriteTokens: count,
      cacheReadTokens: count,
      totalCents: centsValue.nullable().optional(),
      discountPercentOff: z.number().finite().nullable().optional(),
    })
    .nullable()
    .optional(),
  chargedCents: centsValue,
  cursorTokenFee: centsValue.nullable().optional(),
  isFreeBugbot: flag,
})
export const eventsPageSchema = z.looseObject({
  totalUsageEventsCount: z.number().int().nonnegative(),
  pagination: z.looseObject({ numPages: z.number().int().nonnegative() }),
  usageEvents: z.array(eventSchema),
})
export type CursorEvent = z.infer<typeof eventSchema>
