-- BigQuery twin of sql/duckdb/views/31_activity_daily_claude_ai.sql (duckdb-sha256: 5a39783ff935): same view, columns, meaning.
-- claude.ai (chat) activity per day × person, from the imported activity exports
-- (claude_ai_activity_daily, 0006 imports). A day with any event by a person is an active day;
-- sessions = conversations created, requests = events. System events (no email) are left out.
CREATE OR REPLACE VIEW `{{dataset}}.activity_daily_claude_ai` AS
SELECT
  a.usage_date                                  AS usage_date,
  'anthropic'                                   AS provider,
  'claude_ai'                                   AS tool,
  'email'                                       AS identity_type,
  a.email                                       AS identity,
  TRUE                                          AS is_active,
  CAST(SUM(a.conversations_created) AS INT64)  AS sessions,
  CAST(SUM(a.events) AS INT64)                 AS requests,
  CAST(NULL AS INT64)                          AS suggestions_shown,
  CAST(NULL AS INT64)                          AS suggestions_accepted,
  CAST(NULL AS INT64)                          AS edits_proposed,
  CAST(NULL AS INT64)                          AS edits_accepted,
  CAST(NULL AS INT64)                          AS lines_added,
  CAST(NULL AS INT64)                          AS lines_removed,
  CAST(NULL AS INT64)                          AS lines_accepted,
  CAST(NULL AS INT64)                          AS commits,
  CAST(NULL AS INT64)                          AS pull_requests
FROM `{{dataset}}.claude_ai_activity_daily` AS a
WHERE a.email IS NOT NULL
GROUP BY a.usage_date, a.email;
