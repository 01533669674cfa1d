// zod schemas of the raw OpenAI organization admin API pages (vendor-apis.md §2). Objects are
// loose: unknown fields pass through and are kept in raw_json, so a field OpenAI adds tomorrow is
// stored, not rejected. Bodies come from parseOpenaiJson: integers are numbers, other numbers
// LosslessNumbers (exact text), hence `jsonDecimal` for dollars and quantities.

import { z } from 'zod'
import { nextPageFields, nullableString } from '../payload-fields.js'
import { jsonDecimal } from './json.js'
const unixSeconds = z.number().int().nonnegative()

/** `{object:"page", data:[{start_time, end_time, results}], has_more, next_page}` */
export function bucketPageSchema<T extends z.ZodType>(result: T) {
  return z.looseObject({
    data: z.array(
      z.looseObject({ start_time: unixSeconds, end_time: unixSeconds, results: z.array(result) }),
    ),
    ...nextPageFields,
  })
}

export const costResultSchema = z.looseObject({
  // Dollars as a JSON number: parsed from its exact text, never through float arithmetic.
  amount: z.looseObject({ value: jsonDecimal, currency: z.string().min(1) }),
  line_item: nullableString,
  project_id: nullableString,
  api_key_id: nullableString,
  quantity: jsonDecimal.nullable().optional(),
})
export const costPageSchema = bucketPageSchema(costResultSchema)
export type CostResult = z.infer<typeof costResultSchema>

/** List items (projects, users, api keys); the page is payload-fields.ts listPageSchema. */
const timestamp = unixSeconds.nullable().optional()

export const projectSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  created_at: timestamp,
  archived_at: timestamp,
  status: nullableString,
})

export const userSchema = z.looseObject({
  id: z.string().min(1),
  email: nullableString,
  name: nullableString,
  role: nullableString,
  added_at: timestamp,
})

const ownerUserSchema = z.looseObject({
  id: z.string().min(1),
  email: nullableString,
  name: nullableString,
  role: nullableString,
})
const serviceAccountSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  role: nullableString,
})

export const apiKeySchema = z.looseObject({
  id: z.string().min(1),
  name: nullableString,
  redacted_value: nullableString,
  created_at: timestamp,
  last_used_at: timestamp,
  owner: z
    .looseObject({
      type: nullableString,
      user: ownerUserSchema.nullable().optional(),
      service_account: serviceAccountSchema.nullable().optional(),
    })
    .nullable()
    .optional(),
  owner_project_access: nullableString,
})
export type ApiKey = z.infer<typeof apiKeySchema>
