-- claude.ai activity per UTC day × person × client platform × event type, from the imported
-- activity exports (ai-usage import claude-ai-activity). email is NULL for system events (the
-- export's actor is {}); client_platform is NULL where the export left it empty. A
-- conversation is counted once per row even if it was created and deleted the same day.
CREATE OR REPLACE VIEW claude_ai_activity_daily AS
SELECT
  e.activity_date                                                       AS usage_date,
  e.actor_email                                                         AS email,
  e.client_platform                                                     AS client_platform,
  e.event                                                               AS event,
  CAST(COUNT(*) AS BIGINT)                                              AS events,
  CAST(COUNT(*) FILTER (WHERE e.event = 'conversation_created') AS BIGINT)
                                                                        AS conversations_created,
  CAST(COUNT(DISTINCT e.entity_uuid) AS BIGINT)                         AS distinct_entities,
  MIN(e.created_at)                                                     AS first_event_at,
  MAX(e.created_at)                                                     AS last_event_at
FROM import_claude_ai_events AS e
GROUP BY e.activity_date, e.actor_email, e.client_platform, e.event;
