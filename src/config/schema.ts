// The one typed configuration. Every field is described (the text `config check` and the
// docs show); secrets carry `secret` metadata so no output ever prints them. Vendors keep
// their own sub-schema in src/sources/<vendor>/config.ts.

import { z } from 'zod'
import { anthropicConfigSchema } from '../sources/anthropic/config.js'

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
    })
    .default({
      anthropic: { baseUrl: 'https://api.anthropic.com', lookbackDays: 3, requestsPerMinute: 50 },
    }),
  logLevel: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('Log level. Env: AI_USAGE_LOG_LEVEL.'),
})

export type Config = z.infer<typeof configSchema>
