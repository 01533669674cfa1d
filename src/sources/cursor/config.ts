// Settings for the Cursor source. The source is active when an Admin API key is set. The seat
// price is a decimal string (never a float) and optional: unset means no seat cost line at all,
// because a guessed price would put invented money next to the vendor's own figures.

import { z } from 'zod'
import { secretString } from '../../config/secret.js'

const DECIMAL_USD = /^\d+(\.\d+)?$/

/** Defaults of the optional fields (the schema's default when `sources.cursor` is absent). */
export const CURSOR_CONFIG_DEFAULTS = {
  baseUrl: 'https://api.cursor.com',
  lookbackDays: 3,
  requestsPerMinute: 20,
  seatBillingDay: 1,
} as const

export const cursorConfigSchema = z
  .object({
    apiKey: secretString(
      'Cursor Admin API key (key_…), minted by a team admin in the dashboard → Settings → Advanced → Admin API Keys (Enterprise teams). Env: CURSOR_API_KEY.',
    ).optional(),
    baseUrl: z
      .url()
      .default('https://api.cursor.com')
      .describe('Cursor Admin API base URL. Env: CURSOR_BASE_URL.'),
    lookbackDays: z
      .number()
      .int()
      .min(2)
      .max(30)
      .default(3)
      .describe(
        'Days re-read before the saved cursor each run; events arrive up to a day late. At least 2.',
      ),
    requestsPerMinute: z
      .number()
      .int()
      .min(1)
      .default(20)
      .describe(
        'Requests per minute per endpoint (the Admin API allows 20). Env: AI_USAGE_CURSOR_REQUESTS_PER_MINUTE.',
      ),
    seatPriceUsd: z
      .string()
      .regex(DECIMAL_USD, 'must be a decimal string of US dollars, e.g. "40.00" (quote it in YAML)')
      .optional()
      .describe(
        'Contracted price per seat per month in USD (decimal string); unset = no seat cost line. Env: AI_USAGE_CURSOR_SEAT_PRICE_USD.',
      ),
    seatBillingDay: z
      .number()
      .int()
      .min(1)
      .max(28)
      .default(1)
      .describe(
        'Day of the month a seat billing period starts (1 = calendar months); the monthly seat price is split over that period. Env: AI_USAGE_CURSOR_SEAT_BILLING_DAY.',
      ),
  })
  .default({ ...CURSOR_CONFIG_DEFAULTS })

export type CursorConfig = z.infer<typeof cursorConfigSchema>
