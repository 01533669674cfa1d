-- BigQuery twin of sql/duckdb/views/10_usage_daily_anthropic.sql (duckdb-sha256: c19b9153d0d0): same view, columns, meaning.
-- Anthropic's daily token usage in the usage_daily shape, from two sources:
--   claude_api  : the messages usage report, per API key (NULL key = Console/Workbench usage);
--   claude_code : the Claude Code analytics per actor, summed over its terminal/remote rows.
-- input_tokens are UNCACHED input only: cache reads and cache writes (5m + 1h) have their own
-- columns, so input + cache_read + cache_write is the full prompt. Claude Code tokens of API
-- customers are also inside the messages usage, so those rows say counted_in =
-- 'anthropic/claude_api': never add them to claude_api totals. Anthropic gives no request
-- counts (requests is NULL), and Claude Code rows carry no workspace (account_id NULL).
CREATE OR REPLACE VIEW `{{dataset}}.usage_daily_anthropic` AS
SELECT
  u.usage_date                                                        AS usage_date,
  'anthropic'                                                         AS provider,
  'claude_api'                                                        AS service,
  COALESCE(u.api_key_id, 'console')                                   AS subject,
  CASE WHEN u.api_key_id IS NULL THEN 'console' ELSE 'api_key' END    AS subject_type,
  COALESCE(u.workspace_id, 'default')                                 AS account_id,
  u.model                                                             AS model,
  CAST(SUM(u.uncached_input_tokens) AS INT64)                        AS input_tokens,
  CAST(SUM(u.output_tokens) AS INT64)                                AS output_tokens,
  CAST(SUM(u.cache_read_input_tokens) AS INT64)                      AS cache_read_tokens,
  CAST(SUM(u.cache_creation_5m_input_tokens + u.cache_creation_1h_input_tokens) AS INT64)
                                                                      AS cache_write_tokens,
  CAST(NULL AS INT64)                                                AS requests,
  CAST(NULL AS STRING)                                               AS counted_in
FROM `{{dataset}}.anthropic_messages_usage` AS u
GROUP BY u.usage_date, u.api_key_id, u.workspace_id, u.model
UNION ALL
SELECT
  m.usage_date,
  'anthropic',
  'claude_code',
  COALESCE(c.actor_email, c.actor_api_key_name, 'unknown'),
  CASE WHEN c.actor_type = 'user_actor' THEN 'person' ELSE 'api_key_name' END,
  CAST(NULL AS STRING),
  m.model,
  CAST(SUM(m.input_tokens) AS INT64),
  CAST(SUM(m.output_tokens) AS INT64),
  CAST(SUM(m.cache_read_tokens) AS INT64),
  CAST(SUM(m.cache_creation_tokens) AS INT64),
  CAST(NULL AS INT64),
  CASE WHEN c.customer_type = 'api' THEN 'anthropic/claude_api' END
FROM `{{dataset}}.anthropic_claude_code_models` AS m
JOIN `{{dataset}}.anthropic_claude_code` AS c ON c.usage_date = m.usage_date AND c.line_key = m.line_key
GROUP BY m.usage_date, c.actor_email, c.actor_api_key_name, c.actor_type, m.model, c.customer_type;
