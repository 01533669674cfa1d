// Settings for the Anthropic source. The source is active when an Admin API key is set.

import { z } from 'zod'
import { secretString } from '../../config/secret.js'

export const anthropicConfigSchema = z
  .object({
    adminApiKey: secretString(
      'Anthropic Admin API key (sk-ant-admin01-…), minted by an org admin in Console → Settings → Admin keys. Env: ANTHROPIC_ADMIN_API_KEY.',
    ).optional(),
    baseUrl: z
      .url()
      .default('https://api.anthropic.com')
      .describe('Anthropic API base URL. Env: ANTHROPIC_BASE_URL.'),
    lookbackDays: z
      .number()
      .int()
      .min(1)
      .max(31)
      .default(3)
      .describe('Days re-read before the saved cursor each run; recent days are revised.'),
    requestsPerMinute: z
      .number()
      .int()
      .min(1)
      .default(50)
      .describe(
        'Pacing for the report endpoints (no published limit; bursts for paging are fine). Env: AI_USAGE_ANTHROPIC_REQUESTS_PER_MINUTE.',
      ),
  })
  .default({ baseUrl: 'https://api.anthropic.com', lookbackDays: 3, requestsPerMinute: 50 })

export type AnthropicConfig = z.infer<typeof anthropicConfigSchema>
