// Settings for the GitHub Copilot source. It is active when a token AND one scope are set: an
// organization (GITHUB_ORG) or an enterprise (GITHUB_ENTERPRISE). A token alone does not turn it
// on, because GITHUB_TOKEN is commonly exported for git tooling; naming both scopes is an error.

import { z } from 'zod'
import { isDecimalText } from '../../core/money.js'
import { secretString } from '../../config/secret.js'

export const GITHUB_CONFIG_DEFAULTS = {
  apiUrl: 'https://api.github.com',
  apiVersion: '2022-11-28',
  lookbackDays: 3,
  requestsPerHour: 4500,
  attributePremiumToUsers: true,
} as const

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a GitHub login or slug')

export const githubConfigSchema = z
  .object({
    token: secretString(
      'GitHub token (fine-grained or classic PAT, or a GitHub App token) of an org/enterprise owner or a user with the Copilot metrics role; scopes in README. Env: GITHUB_TOKEN.',
    ).optional(),
    apiUrl: z
      .url()
      .default(GITHUB_CONFIG_DEFAULTS.apiUrl)
      .describe('GitHub REST API base URL. Env: GITHUB_API_URL.'),
    org: slug
      .optional()
      .describe('Organization login whose Copilot usage is read. Env: GITHUB_ORG.'),
    enterprise: slug
      .optional()
      .describe('Enterprise slug, instead of an organization. Env: GITHUB_ENTERPRISE.'),
    apiVersion: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .default(GITHUB_CONFIG_DEFAULTS.apiVersion)
      .describe('X-GitHub-Api-Version sent with every request.'),
    lookbackDays: z
      .number()
      .int()
      .min(2)
      .max(31)
      .default(GITHUB_CONFIG_DEFAULTS.lookbackDays)
      .describe('Days re-read before the saved cursor each run; a day is final two days later.'),
    requestsPerHour: z
      .number()
      .int()
      .min(60)
      .default(GITHUB_CONFIG_DEFAULTS.requestsPerHour)
      .describe(
        'Client-side pacing of API calls (GitHub allows 5,000/h per user token, shared by every endpoint). Env: AI_USAGE_GITHUB_REQUESTS_PER_HOUR.',
      ),
    seatPriceUsd: z
      .string()
      .refine((s) => isDecimalText(s) && !s.trim().startsWith('-'), 'must be a decimal ≥ 0')
      .optional()
      .describe(
        'Monthly price of one Copilot seat in USD ("19" Business, "39" Enterprise); unset = no seat cost lines. Env: AI_USAGE_COPILOT_SEAT_PRICE_USD.',
      ),
    attributePremiumToUsers: z
      .boolean()
      .default(GITHUB_CONFIG_DEFAULTS.attributePremiumToUsers)
      .describe(
        'Read premium-request spend per user (one call per active user per day) as well as per day.',
      ),
  })
  .superRefine((c, ctx) => {
    // A token alone (GITHUB_TOKEN is often exported for other tools) leaves the source off;
    // naming both scopes is a real conflict.
    if (c.org && c.enterprise)
      ctx.addIssue({
        code: 'custom',
        path: ['enterprise'],
        message: 'set GITHUB_ORG or GITHUB_ENTERPRISE, not both',
      })
  })
  .default({
    apiUrl: GITHUB_CONFIG_DEFAULTS.apiUrl,
    apiVersion: GITHUB_CONFIG_DEFAULTS.apiVersion,
    lookbackDays: GITHUB_CONFIG_DEFAULTS.lookbackDays,
    requestsPerHour: GITHUB_CONFIG_DEFAULTS.requestsPerHour,
    attributePremiumToUsers: GITHUB_CONFIG_DEFAULTS.attributePremiumToUsers,
  })

export type GithubConfig = z.infer<typeof githubConfigSchema>
