// zod building blocks the vendors' payloads.ts share: the optional string and the count that
// most fields are, the `has_more`/`next_page` envelope of report pages, and the id-cursor list
// page. Objects stay loose so a field a vendor adds tomorrow is kept in raw_json, not rejected.

import { z } from 'zod'

/** A string the vendor may send as null or leave out. */
export const nullableString = z.string().nullable().optional()

/** A non-negative integer (tokens, requests, lines). */
export const count = z.number().int().nonnegative()

/** The paging fields of a report page: `has_more` and the token to send back as `page`. */
export const nextPageFields = {
  has_more: z.boolean(),
  next_page: z.string().nullable().optional(),
}

/** `{data, has_more, first_id, last_id}` lists (Anthropic users/keys/workspaces, OpenAI
 *  projects/users/keys); items are checked by `item`. */
export function listPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    has_more: z.boolean(),
    first_id: z.string().nullable().optional(),
    last_id: z.string().nullable().optional(),
  })
}
