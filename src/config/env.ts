// Which environment variable sets which config field. Credentials and base URLs use the
// vendors' conventional names; our own settings are AI_USAGE_*.

export type EnvKind = 'string' | 'int'

export interface EnvBinding {
  env: string
  path: string
  kind: EnvKind
}

export const ENV_BINDINGS: readonly EnvBinding[] = [
  { env: 'AI_USAGE_WAREHOUSE', path: 'warehouse.engine', kind: 'string' },
  { env: 'AI_USAGE_DUCKDB_PATH', path: 'warehouse.duckdb.path', kind: 'string' },
  { env: 'AI_USAGE_BQ_PROJECT', path: 'warehouse.bigquery.project', kind: 'string' },
  { env: 'AI_USAGE_BQ_DATASET', path: 'warehouse.bigquery.dataset', kind: 'string' },
  { env: 'AI_USAGE_BQ_LOCATION', path: 'warehouse.bigquery.location', kind: 'string' },
  { env: 'AI_USAGE_RETENTION_DAYS', path: 'warehouse.bigquery.retentionDays', kind: 'int' },
  { env: 'AI_USAGE_INITIAL_DAYS', path: 'run.initialDays', kind: 'int' },
  { env: 'AI_USAGE_LOG_LEVEL', path: 'logLevel', kind: 'string' },
  { env: 'PORT', path: 'server.port', kind: 'int' },
  { env: 'AI_USAGE_RUN_AUDIENCE', path: 'server.audience', kind: 'string' },
  { env: 'AI_USAGE_RUN_INVOKERS', path: 'server.invokers', kind: 'string' },
  { env: 'AI_USAGE_OIDC_CERTS_URL', path: 'server.certsUrl', kind: 'string' },
  { env: 'GOOGLE_CLOUD_PROJECT', path: 'server.projectId', kind: 'string' },
  { env: 'ANTHROPIC_ADMIN_API_KEY', path: 'sources.anthropic.adminApiKey', kind: 'string' },
  { env: 'ANTHROPIC_BASE_URL', path: 'sources.anthropic.baseUrl', kind: 'string' },
  {
    env: 'AI_USAGE_ANTHROPIC_REQUESTS_PER_MINUTE',
    path: 'sources.anthropic.requestsPerMinute',
    kind: 'int',
  },
  { env: 'CURSOR_API_KEY', path: 'sources.cursor.apiKey', kind: 'string' },
  { env: 'CURSOR_BASE_URL', path: 'sources.cursor.baseUrl', kind: 'string' },
  {
    env: 'AI_USAGE_CURSOR_REQUESTS_PER_MINUTE',
    path: 'sources.cursor.requestsPerMinute',
    kind: 'int',
  },
  { env: 'AI_USAGE_CURSOR_SEAT_PRICE_USD', path: 'sources.cursor.seatPriceUsd', kind: 'string' },
  { env: 'AI_USAGE_CURSOR_SEAT_BILLING_DAY', path: 'sources.cursor.seatBillingDay', kind: 'int' },
  { env: 'OPENAI_ADMIN_KEY', path: 'sources.openai.adminKey', kind: 'string' },
  { env: 'OPENAI_BASE_URL', path: 'sources.openai.baseUrl', kind: 'string' },
  {
    env: 'AI_USAGE_OPENAI_REQUESTS_PER_MINUTE',
    path: 'sources.openai.requestsPerMinute',
    kind: 'int',
  },
  { env: 'GITHUB_TOKEN', path: 'sources.github.token', kind: 'string' },
  { env: 'GITHUB_API_URL', path: 'sources.github.apiUrl', kind: 'string' },
  { env: 'GITHUB_ORG', path: 'sources.github.org', kind: 'string' },
  { env: 'GITHUB_ENTERPRISE', path: 'sources.github.enterprise', kind: 'string' },
  {
    env: 'AI_USAGE_GITHUB_REQUESTS_PER_HOUR',
    path: 'sources.github.requestsPerHour',
    kind: 'int',
  },
  {
    env: 'AI_USAGE_COPILOT_SEAT_PRICE_USD',
    path: 'sources.github.seatPriceUsd',
    kind: 'string',
  },
  { env: 'AI_USAGE_IDENTITY_SHEET_ID', path: 'identity.sheetId', kind: 'string' },
  { env: 'AI_USAGE_IDENTITY_SHEET_RANGE', path: 'identity.sheetRange', kind: 'string' },
  { env: 'AI_USAGE_SHEETS_BASE_URL', path: 'identity.sheetsBaseUrl', kind: 'string' },
]
