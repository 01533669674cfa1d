-- Cursor activity per day × member, from the dense daily rows (cursor_activity_daily): one row
-- per seat per day, kept with is_active = FALSE when the seat was idle (a seat, not a user).
-- suggestions = Tab completions shown / accepted; edits = applied changes proposed (accepts +
-- rejects) / accepted; lines_added = all AI lines added, lines_accepted = the accepted ones;
-- requests = usage events of every kind (included, usage-based, own API key) — raw events,
-- not billable request units. Cursor reports no sessions, commits or pull requests (NULL).
CREATE OR REPLACE VIEW activity_daily_cursor AS
SELECT
  a.usage_date                                                 AS usage_date,
  'cursor'                                                     AS provider,
  'cursor'                                                     AS tool,
  'email'                                                      AS identity_type,
  a.user_email                                                 AS identity,
  a.is_active                                                  AS is_active,
  CAST(NULL AS BIGINT)                                         AS sessions,
  CAST(CASE WHEN COALESCE(a.included_requests, a.usage_based_requests, a.api_key_requests)
                 IS NOT NULL
            THEN COALESCE(a.included_requests, 0) + COALESCE(a.usage_based_requests, 0)
                 + COALESCE(a.api_key_requests, 0) END AS BIGINT) AS requests,
  CAST(a.tabs_shown AS BIGINT)                                 AS suggestions_shown,
  CAST(a.tabs_accepted AS BIGINT)                              AS suggestions_accepted,
  CAST(a.accepts + a.rejects AS BIGINT)                        AS edits_proposed,
  CAST(a.accepts AS BIGINT)                                    AS edits_accepted,
  CAST(a.lines_added AS BIGINT)                                AS lines_added,
  CAST(a.lines_deleted AS BIGINT)                              AS lines_removed,
  CAST(a.accepted_lines_added AS BIGINT)                       AS lines_accepted,
  CAST(NULL AS BIGINT)                                         AS commits,
  CAST(NULL AS BIGINT)                                         AS pull_requests
FROM cursor_activity_daily AS a;
