-- BigQuery twin of sql/duckdb/views/63_people.sql (duckdb-sha256: 253ad5756a96): same view, columns, meaning.
-- Who are the people, which team are they in, and when were they last active? One row per
-- canonical lower-case email known from the identity map, the vendors' member lists or
-- resolved activity. team = current team from the map (NULL = no team: 'Unmapped' in the
-- spend views); first/last_active_date = any active day in any tool; in_identity_map says
-- whether the organization's map names them.
CREATE OR REPLACE VIEW `{{dataset}}.people` AS
WITH known AS (
  SELECT email, name, 1 AS in_map FROM `{{dataset}}.identity_map_periods`
  UNION ALL
  SELECT email, name, 0 FROM `{{dataset}}.vendor_identities` WHERE email IS NOT NULL
  UNION ALL
  SELECT r.email, CAST(NULL AS STRING), 0
  FROM `{{dataset}}.activity_daily` AS a
  JOIN `{{dataset}}.identity_resolution_daily` AS r
    ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
   AND r.usage_date = a.usage_date
  WHERE r.email IS NOT NULL
),
active AS (
  SELECT r.email, MIN(a.usage_date) AS first_active_date, MAX(a.usage_date) AS last_active_date,
         CAST(COUNT(DISTINCT a.tool) AS INT64) AS tools
  FROM `{{dataset}}.activity_daily` AS a
  JOIN `{{dataset}}.identity_resolution_daily` AS r
    ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
   AND r.usage_date = a.usage_date
  WHERE a.is_active AND r.email IS NOT NULL
  GROUP BY r.email
),
named AS (
  SELECT email, MAX(CASE WHEN in_map = 1 THEN name END) AS map_name, MAX(name) AS any_name,
         MAX(in_map) AS in_map
  FROM known
  GROUP BY email
)
SELECT
  n.email                                        AS email,
  COALESCE(n.map_name, n.any_name)               AS name,
  t.team                                         AS team,
  a.first_active_date                            AS first_active_date,
  a.last_active_date                             AS last_active_date,
  COALESCE(a.tools, 0)                           AS tools_used,
  n.in_map = 1                                   AS in_identity_map
FROM named AS n
LEFT JOIN `{{dataset}}.person_team_periods` AS t ON t.email = n.email AND t.valid_to = DATE '9999-12-31'
LEFT JOIN active AS a ON a.email = n.email;
