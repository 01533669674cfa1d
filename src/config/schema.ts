// The one typed configuration. Every field is described (the text `config check` and the
// docs show); secrets carry `secret` metadata so no output ever prints them. Vendors keep
// their own sub-schema in src/sources/<vendor>/config.ts.

import { z } from 'zod'
import { budgetsSchema, identityConfigSchema } from '../identity/config.js'
import { anthropicConfigSchema } from '../sources/anthropic/config.js'
import { CURSOR_CONFIG_DEFAULTS, cursorConfigSchema } from '../sources/cursor/config.js'
import { OPENAI_DEFAULT_BASE_URL, openaiConfigSchema } from '../sources/openai/config.js'
import { GITHUB_CONFIG_DEFAULTS, githubConfigSchema } from '../sources/github/config.js'

const duckdbSchema = z
  .object({
    path: z
      .string()
      .min(1)
      .default('./data/ai-usage.duckdb')
      .describe('DuckDB database file. Env: AI_USAGE_DUCKDB_PATH.'),
  })
  .default({ path: './data/ai-usage.duckdb' })

const bigquerySchema = z
  .object({
    project: z.string().min(1).optional().describe('GCP project id. Env: AI_USAGE_BQ_PROJECT.'),
    dataset: z
      .string()
      .min(1)
      .default('ai_usage_dev')
      .describe('Dataset. Env: AI_USAGE_BQ_DATASET.'),
    location: z
      .string()
      .min(1)
      .default('US')
      .describe('Dataset location. Env: AI_USAGE_BQ_LOCATION.'),
    retentionDays: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'Partition expiration in days; unset keeps data forever. Env: AI_USAGE_RETENTION_DAYS.',
      ),
  })
  .default({ dataset: 'ai_usage_dev', location: 'US' })

/** Comma-separated in the environment, a list in YAML; blanks dropped, each an email. */
const emailList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.every((e) => z.email().safeParse(e).success), {
    message: 'expected comma-separated email addresses',
  })

const serverSchema = z
  .object({
    port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(8080)
      .describe(
        'Port `ai-usage serve` listens on (Cloud Run sets it; 0 picks a free one). Env: PORT.',
      ),
    audience: z
      .url()
      .optional()
      .describe(
        'OIDC audience POST /run tokens must carry: the service URL. Env: AI_USAGE_RUN_AUDIENCE.',
      ),
    invokers: emailList
      .default([])
      .describe(
        'Service-account emails allowed to call POST /run and GET /runs/:id. Env: AI_USAGE_RUN_INVOKERS (comma-separated).',
      ),
    certsUrl: z
      .url()
      .default('https://www.googleapis.com/oauth2/v1/certs')
      .describe(
        "Google's ID-token signing certificates (PEM by key id). Env: AI_USAGE_OIDC_CERTS_URL.",
      ),
    projectId: z
      .string()
      .min(1)
      .optional()
      .describe(
        'GCP project for Cloud Logging trace links (falls back to the BigQuery project). Env: GOOGLE_CLOUD_PROJECT.',
      ),
  })
  .default({ port: 8080, invokers: [], certsUrl: 'https://www.googleapis.com/oauth2/v1/certs' })

export const configSchema = z.object({
  warehouse: z
    .object({
      engine: z
        .enum(['duckdb', 'bigquery'])
        .default('duckdb')
        .describe('Warehouse engine. Env: AI_USAGE_WAREHOUSE.'),
      duckdb: duckdbSchema,
      bigquery: bigquerySchema,
    })
    .default({
      engine: 'duckdb',
      duckdb: { path: './data/ai-usage.duckdb' },
      bigquery: { dataset: 'ai_usage_dev', location: 'US' },
    }),
  run: z
    .object({
      initialDays: z
        .number()
        .int()
        .min(1)
        .max(3650)
        .default(90)
        .describe(
          'Days fetched by the first run of a resource with no saved cursor. Env: AI_USAGE_INITIAL_DAYS.',
        ),
    })
    .default({ initialDays: 90 }),
  sources: z
    .object({
      anthropic: anthropicConfigSchema,
      cursor: cursorConfigSchema,
      openai: openaiConfigSchema,
      github: githubConfigSchema,
    })
    .default({
      anthropic: { baseUrl: 'https://api.anthropic.com', lookbackDays: 3, requestsPerMinute: 50 },
      cursor: { ...CURSOR_CONFIG_DEFAULTS },
      openai: {
        baseUrl: OPENAI_DEFAULT_BASE_URL,
        lookbackDays: 3,
        requestsPerMinute: 60,
        costsByApiKey: true,
      },
      github: { ...GITHUB_CONFIG_DEFAULTS },
    }),
  server: serverSchema,
  identity: identityConfigSchema,
  budgets: budgetsSchema,
  logLevel: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('Log level. Env: AI_USAGE_LOG_LEVEL.'),
})

export type Config = z.infer<typeof configSchema>
