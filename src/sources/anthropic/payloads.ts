// zod schemas of the raw Anthropic Admin API pages, as documented (vendor-apis.md §1).
// Objects are loose: unknown fields pass through (the raw item is stored whole in raw_json),
// so a field the vendor adds tomorrow is kept, not rejected. Only what we type is checked.

import { z } from 'zod'
import { count, nextPageFields, nullableString } from '../payload-fields.js'

/** `{data:[{starting_at, ending_at, results}], has_more, next_page}` */
function bucketPage<T extends z.ZodType>(result: T) {
  return z.looseObject({
    data: z.array(
      z.looseObject({
        starting_at: z.string(),
        ending_at: z.string(),
        results: z.array(result),
      }),
    ),
    ...nextPageFields,
  })
}

export const costResultSchema = z.looseObject({
  // Cents as a decimal string ("123.45" = $1.2345): never parsed through a float.
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'amount must be a decimal string of cents'),
  currency: z.string(),
  workspace_id: nullableString,
  description: nullableString,
  cost_type: nullableString,
  token_type: nullableString,
  model: nullableString,
  service_tier: nullableString,
  context_window: nullableString,
  inference_geo: nullableString,
})
export const costPageSchema = bucketPage(costResultSchema)
export type CostResult = z.infer<typeof costResultSchema>
export type CostPage = z.infer<typeof costPageSchema>

export const usageResultSchema = z.looseObject({
  uncached_input_tokens: count,
  cache_read_input_tokens: count,
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: count.optional(),
      ephemeral_1h_input_tokens: count.optional(),
    })
    .nullable()
    .optional(),
  output_tokens: count,
  server_tool_use: z.looseObject({ web_search_requests: count.optional() }).nullable().optional(),
  api_key_id: nullableString,
  workspace_id: nullableString,
  model: nullableString,
  service_tier: nullableString,
  context_window: nullableString,
})
export const usagePageSchema = bucketPage(usageResultSchema)
export type UsageResult = z.infer<typeof usageResultSchema>
export type UsagePage = z.infer<typeof usagePageSchema>

const toolCounts = z.looseObject({ accepted: count.optional(), rejected: count.optional() })

export const claudeCodeRecordSchema = z.looseObject({
  date: z.string(),
  actor: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('user_actor'), email_address: z.string().min(1) }),
    z.looseObject({ type: z.literal('api_actor'), api_key_name: z.string().min(1) }),
  ]),
  organization_id: nullableString,
  customer_type: nullableString,
  subscription_type: nullableString,
  terminal_type: nullableString,
  is_remote: z.boolean().nullable().optional(),
  core_metrics: z.looseObject({
    num_sessions: count,
    lines_of_code: z.looseObject({ added: count, removed: count }),
    commits_by_claude_code: count,
    pull_requests_by_claude_code: count,
  }),
  tool_actions: z.record(z.string(), toolCounts).nullable().optional(),
  model_breakdown: z
    .array(
      z.looseObject({
        model: z.string().min(1),
        tokens: z.looseObject({
          input: count,
          output: count,
          cache_read: count,
          cache_creation: count,
        }),
        // A NUMBER of cents (186 = $1.86), unlike the cost report's decimal string.
        estimated_cost: z.looseObject({ currency: z.string(), amount: z.number().nonnegative() }),
      }),
    )
    .nullable()
    .optional(),
})
export const claudeCodePageSchema = z.looseObject({
  data: z.array(claudeCodeRecordSchema),
  ...nextPageFields,
})
export type ClaudeCodeRecord = z.infer<typeof claudeCodeRecordSchema>
export type ClaudeCodePage = z.infer<typeof claudeCodePageSchema>

/** List items (users, api_keys, workspaces); the page is payload-fields.ts listPageSchema. */
export const userSchema = z.looseObject({
  id: z.string().min(1),
  email: nullableString,
  name: nullableString,
  role: nullableString,
  added_at: nullableString,
})

const principalSchema = z.looseObject({ id: z.string(), type: z.string() }).nullable().optional()
export const apiKeySchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  status: nullableString,
  workspace_id: nullableString,
  created_at: nullableString,
  expires_at: nullableString,
  partial_key_hint: nullableString,
  created_by: principalSchema,
  principal: principalSchema,
})

export const workspaceSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  created_at: nullableString,
  archived_at: nullableString,
  display_color: nullableString,
})

export const organizationSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  type: z.string().optional(),
})
