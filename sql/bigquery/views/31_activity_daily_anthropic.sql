-- BigQuery twin of sql/duckdb/views/31_activity_daily_anthropic.sql (duckdb-sha256: 1a1f84c5194c): same view, columns, meaning.
-- Anthropic activity per day × tool × identity (activity extension point: one
-- 31_activity_daily_<vendor>.sql per vendor, unioned in 35_activity_daily). No money here.
--   claude_code : Claude Code analytics, one row per actor (email, or key name for api_actor),
--                 summed over terminals. A record is activity. Edits = tool actions (edit,
--                 multi-edit, write, notebook); Claude Code writes only accepted edits, so its
--                 lines_added are also its accepted lines.
--   claude_api / claude_code : API keys with tokens that day (the tool is the key's workspace's,
--                 see anthropic_workspace_tools); NULL key = Console/Workbench ('console').
-- Metrics a source does not have are NULL, never 0.
CREATE OR REPLACE VIEW `{{dataset}}.activity_daily_anthropic` AS
SELECT
  c.usage_date                                                 AS usage_date,
  'anthropic'                                                  AS provider,
  'claude_code'                                                AS tool,
  CASE WHEN c.actor_type = 'user_actor' THEN 'email'
       ELSE 'api_key_name' END                                 AS identity_type,
  COALESCE(c.actor_email, c.actor_api_key_name, 'unknown')     AS identity,
  TRUE                                                         AS is_active,
  CAST(SUM(c.num_sessions) AS INT64)                          AS sessions,
  CAST(NULL AS INT64)                                         AS requests,
  CAST(NULL AS INT64)                                         AS suggestions_shown,
  CAST(NULL AS INT64)                                         AS suggestions_accepted,
  CAST(SUM(c.tool_accepted + c.tool_rejected) AS INT64)       AS edits_proposed,
  CAST(SUM(c.tool_accepted) AS INT64)                         AS edits_accepted,
  CAST(SUM(c.lines_added) AS INT64)                           AS lines_added,
  CAST(SUM(c.lines_removed) AS INT64)                         AS lines_removed,
  CAST(SUM(c.lines_added) AS INT64)                           AS lines_accepted,
  CAST(SUM(c.commits) AS INT64)                               AS commits,
  CAST(SUM(c.pull_requests) AS INT64)                         AS pull_requests
FROM `{{dataset}}.anthropic_claude_code` AS c
GROUP BY c.usage_date, c.actor_type, c.actor_email, c.actor_api_key_name
UNION ALL
SELECT
  u.usage_date,
  'anthropic',
  COALESCE(t.tool, 'claude_api'),
  CASE WHEN u.api_key_id IS NULL THEN 'console' ELSE 'api_key' END,
  COALESCE(u.api_key_id, 'console'),
  TRUE,
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  CAST(NULL AS INT64)
FROM `{{dataset}}.anthropic_messages_usage` AS u
LEFT JOIN `{{dataset}}.anthropic_workspace_tools` AS t ON t.workspace_id = u.workspace_id
GROUP BY u.usage_date, COALESCE(t.tool, 'claude_api'), u.api_key_id
HAVING SUM(u.uncached_input_tokens + u.output_tokens + u.cache_read_input_tokens
           + u.cache_creation_5m_input_tokens + u.cache_creation_1h_input_tokens) > 0;
