-- BigQuery twin of sql/duckdb/views/31_activity_daily_github.sql (duckdb-sha256: 2a67c50a7291): same view, columns, meaning.
-- Copilot activity per day × login, from the users-1-day reports (a line = an active user that
-- day). suggestions = code generations shown / accepted (code_generation_activity_count /
-- code_acceptance_activity_count, every feature); requests = prompts the user sent
-- (user_initiated_interaction_count); lines_added = lines_accepted = loc_added_sum (lines
-- Copilot wrote that were kept), lines_removed = loc_deleted_sum. Copilot reports no edit,
-- session, commit or pull-request counters per user (NULL).
CREATE OR REPLACE VIEW `{{dataset}}.activity_daily_github` AS
SELECT
  u.usage_date                                                 AS usage_date,
  'github'                                                     AS provider,
  'copilot'                                                    AS tool,
  'github_login'                                               AS identity_type,
  u.user_login                                                 AS identity,
  TRUE                                                         AS is_active,
  CAST(NULL AS INT64)                                         AS sessions,
  CAST(SUM(u.user_initiated_interaction_count) AS INT64)      AS requests,
  CAST(SUM(u.code_generation_activity_count) AS INT64)        AS suggestions_shown,
  CAST(SUM(u.code_acceptance_activity_count) AS INT64)        AS suggestions_accepted,
  CAST(NULL AS INT64)                                         AS edits_proposed,
  CAST(NULL AS INT64)                                         AS edits_accepted,
  CAST(SUM(u.loc_added_sum) AS INT64)                         AS lines_added,
  CAST(SUM(u.loc_deleted_sum) AS INT64)                       AS lines_removed,
  CAST(SUM(u.loc_added_sum) AS INT64)                         AS lines_accepted,
  CAST(NULL AS INT64)                                         AS commits,
  CAST(NULL AS INT64)                                         AS pull_requests
FROM `{{dataset}}.github_copilot_user_daily` AS u
GROUP BY u.usage_date, u.user_login;
