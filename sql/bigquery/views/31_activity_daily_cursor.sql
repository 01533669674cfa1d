-- BigQuery twin of sql/duckdb/views/31_activity_daily_cursor.sql (duckdb-sha256: 320038e29d2b): same view, columns, meaning.
-- Cursor activity per day × member, from the dense daily rows (cursor_activity_daily): one row
-- per seat per day, kept with is_active = FALSE when the seat was idle (a seat, not a user).
-- suggestions = Tab completions shown / accepted; edits = applied changes proposed (accepts +
-- rejects) / accepted; lines_added = all AI lines added, lines_accepted = the accepted ones;
-- requests = usage events of every kind (included, usage-based, own API key) — raw events,
-- not billable request units. Cursor reports no sessions, commits or pull requests (NULL).
CREATE OR REPLACE VIEW `{{dataset}}.activity_daily_cursor` AS
SELECT
  a.usage_date                                                 AS usage_date,
  'cursor'                                                     AS provider,
  'cursor'                                                     AS tool,
  'email'                                                      AS identity_type,
  a.user_email                                                 AS identity,
  a.is_active                                                  AS is_active,
  CAST(NULL AS INT64)                                         AS sessions,
  CAST(CASE WHEN COALESCE(a.included_requests, a.usage_based_requests, a.api_key_requests)
                 IS NOT NULL
            THEN COALESCE(a.included_requests, 0) + COALESCE(a.usage_based_requests, 0)
                 + COALESCE(a.api_key_requests, 0) END AS INT64) AS requests,
  CAST(a.tabs_shown AS INT64)                                 AS suggestions_shown,
  CAST(a.tabs_accepted AS INT64)                              AS suggestions_accepted,
  CAST(a.accepts + a.rejects AS INT64)                        AS edits_proposed,
  CAST(a.accepts AS INT64)                                    AS edits_accepted,
  CAST(a.lines_added AS INT64)                                AS lines_added,
  CAST(a.lines_deleted AS INT64)                              AS lines_removed,
  CAST(a.accepted_lines_added AS INT64)                       AS lines_accepted,
  CAST(NULL AS INT64)                                         AS commits,
  CAST(NULL AS INT64)                                         AS pull_requests
FROM `{{dataset}}.cursor_activity_daily` AS a;
