// Settings for the OpenAI source. The source is active when an Admin key is set. The base URL
// follows the OpenAI SDKs' OPENAI_BASE_URL convention (it includes `/v1`); a bare origin such as
// `https://api.openai.com` is accepted too and gets `/v1` appended (see client.ts).

import { z } from 'zod'
import { secretString } from '../../config/secret.js'

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1'

export const openaiConfigSchema = z
  .object({
    adminKey: secretString(
      'OpenAI Admin key (sk-admin-…), created by an organization owner in Settings → Organization → Admin keys. Env: OPENAI_ADMIN_KEY.',
    ).optional(),
    baseUrl: z
      .url()
      .default(OPENAI_DEFAULT_BASE_URL)
      .describe(
        'OpenAI API base URL including /v1, as the SDKs take it (a bare origin gets /v1). Env: OPENAI_BASE_URL.',
      ),
    lookbackDays: z
      .number()
      .int()
      .min(1)
      .max(31)
      .default(3)
      .describe('Days re-read before the saved cursor each run; recent buckets keep growing.'),
    requestsPerMinute: z
      .number()
      .int()
      .min(1)
      .default(60)
      .describe(
        'Pacing of the admin endpoints (OpenAI publishes no limit for them). Env: AI_USAGE_OPENAI_REQUESTS_PER_MINUTE.',
      ),
    costsByApiKey: z
      .boolean()
      .default(true)
      .describe(
        'Group costs by API key as well as project and line item (newer API versions); set false if the API rejects group_by=api_key_id.',
      ),
  })
  .default({
    baseUrl: OPENAI_DEFAULT_BASE_URL,
    lookbackDays: 3,
    requestsPerMinute: 60,
    costsByApiKey: true,
  })

export type OpenaiConfig = z.infer<typeof openaiConfigSchema>
