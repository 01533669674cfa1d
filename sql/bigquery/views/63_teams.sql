-- BigQuery twin of sql/duckdb/views/63_teams.sql (duckdb-sha256: 26bba40f0ae5): same view, columns, meaning.
-- Which teams exist and how many people are in each now? From the identity map (a team exists
-- once someone is mapped to it); people = people whose current team it is.
CREATE OR REPLACE VIEW `{{dataset}}.teams` AS
WITH named AS (
  SELECT team FROM `{{dataset}}.identity_map_periods` WHERE team IS NOT NULL
  UNION ALL
  SELECT team FROM `{{dataset}}.person_team_periods`
)
SELECT
  n.team                                                           AS team,
  CAST(COUNT(DISTINCT p.email) AS INT64)                          AS people,
  CAST(COUNT(DISTINCT CASE WHEN p.last_active_date IS NOT NULL THEN p.email END) AS INT64)
                                                                   AS people_ever_active
FROM (SELECT DISTINCT team FROM named) AS n
LEFT JOIN `{{dataset}}.people` AS p ON p.team = n.team
GROUP BY n.team;
