-- BigQuery twin of sql/duckdb/views/64_productivity_daily.sql (duckdb-sha256: b522dfa0e002): same view, columns, meaning.
-- Is it worth it? Per day × tool × team: active people, the tool's productivity counters
-- (activity_daily's vocabulary), acceptance rates, and vendor-reported spend on the tool
-- (spend_by_team_daily, source_basis 'vendor_reported') per active person and per accepted
-- line. Rates are ratios in [0, 1] rounded to 4 decimals, NULL when nothing was offered;
-- cost ratios (rounded to 6 decimals) are NULL without active people or accepted lines.
-- Team = the person's team that day ('Unmapped' for identities no one owns, whose activity
-- is not a person's).
CREATE OR REPLACE VIEW `{{dataset}}.productivity_daily` AS
WITH acts AS (
  SELECT a.usage_date, a.tool, COALESCE(r.team, 'Unmapped') AS team,
         CASE WHEN a.is_active THEN r.email END AS active_email,
         a.sessions, a.suggestions_shown, a.suggestions_accepted, a.edits_proposed,
         a.edits_accepted, a.lines_added, a.lines_accepted, a.commits, a.pull_requests,
         CAST(NULL AS NUMERIC) AS cost_usd
  FROM `{{dataset}}.activity_daily` AS a
  LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
    ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
   AND r.usage_date = a.usage_date
  UNION ALL
  SELECT s.usage_date, s.tool, s.team, CAST(NULL AS STRING),
         CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64),
         CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64),
         CAST(NULL AS INT64), s.cost_usd
  FROM `{{dataset}}.spend_by_team_daily` AS s
  WHERE s.source_basis = 'vendor_reported'
),
totals AS (
  SELECT usage_date, tool, team,
         CAST(COUNT(DISTINCT active_email) AS INT64)   AS active_people,
         CAST(SUM(sessions) AS INT64)                  AS sessions,
         CAST(SUM(suggestions_shown) AS INT64)         AS suggestions_shown,
         CAST(SUM(suggestions_accepted) AS INT64)      AS suggestions_accepted,
         CAST(SUM(edits_proposed) AS INT64)            AS edits_proposed,
         CAST(SUM(edits_accepted) AS INT64)            AS edits_accepted,
         CAST(SUM(lines_added) AS INT64)               AS lines_added,
         CAST(SUM(lines_accepted) AS INT64)            AS lines_accepted,
         CAST(SUM(commits) AS INT64)                   AS commits,
         CAST(SUM(pull_requests) AS INT64)             AS pull_requests,
         CAST(COALESCE(SUM(cost_usd), 0) AS NUMERIC) AS cost_usd
  FROM acts
  GROUP BY usage_date, tool, team
)
SELECT
  t.usage_date, t.tool, t.team, t.active_people, t.sessions, t.suggestions_shown,
  t.suggestions_accepted,
  ROUND(t.suggestions_accepted / NULLIF(t.suggestions_shown, 0), 4)  AS suggestion_acceptance_rate,
  t.edits_proposed, t.edits_accepted,
  ROUND(t.edits_accepted / NULLIF(t.edits_proposed, 0), 4)           AS edit_acceptance_rate,
  t.lines_added, t.lines_accepted, t.commits, t.pull_requests, t.cost_usd,
  -- DuckDB divides DECIMALs in DOUBLE: FLOAT64 here, so both return the same numbers.
  CAST(ROUND(CAST(t.cost_usd AS FLOAT64) / NULLIF(t.active_people, 0), 6) AS NUMERIC)
                                                                     AS cost_per_active_person_usd,
  CAST(ROUND(CAST(t.cost_usd AS FLOAT64) / NULLIF(t.lines_accepted, 0), 6) AS NUMERIC)
                                                                     AS cost_per_accepted_line_usd
FROM totals AS t;
