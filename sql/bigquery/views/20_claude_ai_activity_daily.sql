-- BigQuery twin of sql/duckdb/views/20_claude_ai_activity_daily.sql (duckdb-sha256: 852b66733cc4): same view, columns, meaning.
-- claude.ai activity per UTC day × person × client platform × event type, from the imported
-- activity exports (ai-usage import claude-ai-activity). email is NULL for system events (the
-- export's actor is {}); client_platform is NULL where the export left it empty. A
-- conversation is counted once per row even if it was created and deleted the same day.
CREATE OR REPLACE VIEW `{{dataset}}.claude_ai_activity_daily` AS
SELECT
  e.activity_date                                                       AS usage_date,
  e.actor_email                                                         AS email,
  e.client_platform                                                     AS client_platform,
  e.event                                                               AS event,
  CAST(COUNT(*) AS INT64)                                              AS events,
  CAST(COUNTIF(e.event = 'conversation_created') AS INT64)
                                                                        AS conversations_created,
  CAST(COUNT(DISTINCT e.entity_uuid) AS INT64)                         AS distinct_entities,
  MIN(e.created_at)                                                     AS first_event_at,
  MAX(e.created_at)                                                     AS last_event_at
FROM `{{dataset}}.import_claude_ai_events` AS e
GROUP BY e.activity_date, e.actor_email, e.client_platform, e.event;
