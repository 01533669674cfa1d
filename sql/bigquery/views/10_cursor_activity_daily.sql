-- BigQuery twin of sql/duckdb/views/10_cursor_activity_daily.sql (duckdb-sha256: 282c0ba5ac26): same view, columns, meaning.
-- Cursor productivity per person per day, from the dense daily rows: one row per seat per day.
-- is_active decides activity (an inactive row is a seat, not a user). Request counters count
-- raw usage events by feature and by kind (included / usage-based / own API key), not billable
-- request units. No money here. Issue 8's productivity view reads this.
CREATE OR REPLACE VIEW `{{dataset}}.cursor_activity_daily` AS
SELECT
  d.usage_date                  AS usage_date,
  d.user_email                  AS user_email,
  d.user_id                     AS user_id,
  d.is_active                   AS is_active,
  d.agent_requests              AS agent_requests,
  d.chat_requests               AS chat_requests,
  d.composer_requests           AS composer_requests,
  d.cmdk_usages                 AS cmdk_usages,
  d.bugbot_usages               AS bugbot_usages,
  d.subscription_included_reqs  AS included_requests,
  d.usage_based_reqs            AS usage_based_requests,
  d.api_key_reqs                AS api_key_requests,
  d.total_tabs_shown            AS tabs_shown,
  d.total_tabs_accepted         AS tabs_accepted,
  d.total_lines_added           AS lines_added,
  d.total_lines_deleted         AS lines_deleted,
  d.accepted_lines_added        AS accepted_lines_added,
  d.accepted_lines_deleted      AS accepted_lines_deleted,
  d.total_applies               AS applies,
  d.total_accepts               AS accepts,
  d.total_rejects               AS rejects,
  d.most_used_model             AS most_used_model,
  d.client_version              AS client_version
FROM `{{dataset}}.cursor_daily_usage` AS d;
