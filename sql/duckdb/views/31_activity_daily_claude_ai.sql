-- claude.ai (chat) activity per day × person, from the imported activity exports
-- (claude_ai_activity_daily, 0006 imports). A day with any event by a person is an active day;
-- sessions = conversations created, requests = events. System events (no email) are left out.
CREATE OR REPLACE VIEW activity_daily_claude_ai AS
SELECT
  a.usage_date                                  AS usage_date,
  'anthropic'                                   AS provider,
  'claude_ai'                                   AS tool,
  'email'                                       AS identity_type,
  a.email                                       AS identity,
  TRUE                                          AS is_active,
  CAST(SUM(a.conversations_created) AS BIGINT)  AS sessions,
  CAST(SUM(a.events) AS BIGINT)                 AS requests,
  CAST(NULL AS BIGINT)                          AS suggestions_shown,
  CAST(NULL AS BIGINT)                          AS suggestions_accepted,
  CAST(NULL AS BIGINT)                          AS edits_proposed,
  CAST(NULL AS BIGINT)                          AS edits_accepted,
  CAST(NULL AS BIGINT)                          AS lines_added,
  CAST(NULL AS BIGINT)                          AS lines_removed,
  CAST(NULL AS BIGINT)                          AS lines_accepted,
  CAST(NULL AS BIGINT)                          AS commits,
  CAST(NULL AS BIGINT)                          AS pull_requests
FROM claude_ai_activity_daily AS a
WHERE a.email IS NOT NULL
GROUP BY a.usage_date, a.email;
