-- BigQuery twin of sql/duckdb/views/62_identity_resolution_daily.sql (duckdb-sha256: 69d085e1f69d): same view, columns, meaning.
-- Who an identity was on a given day: the one place precedence is decided.
--   email: 1. an identity-map entry valid that day for the identity itself (this provider's,
--             else one for any provider);
--          2. else one for the identity's alias (a key id's name, a user id's email);
--          3. else the vendor's member lists, or the identity itself when it is an email —
--             then a map entry for that email (an alias of another address) gives the
--             canonical one;
--   team:  the map entry's own team (1 or 2), else the person's team that day
--          (person_team_periods), else a team the vendor gives; NULL = 'Unmapped' in views.
-- resolved_by: identity_map | vendor | email | NULL (unmapped: no person known).
CREATE OR REPLACE VIEW `{{dataset}}.identity_resolution_daily` AS
WITH vendor AS (
  SELECT provider, LOWER(TRIM(identity)) AS identity_key, MAX(email) AS email,
         MAX(team) AS team, MAX(LOWER(TRIM(alias))) AS alias_key
  FROM `{{dataset}}.vendor_identities`
  GROUP BY provider, LOWER(TRIM(identity))
),
observed AS (
  SELECT o.provider, o.identity_key, o.usage_date, v.alias_key,
         v.email AS vendor_email, v.team AS vendor_team
  FROM `{{dataset}}.identity_observations` AS o
  LEFT JOIN vendor AS v ON v.provider = o.provider AND v.identity_key = o.identity_key
),
entries AS (
  SELECT b.provider, b.identity_key, b.usage_date, b.vendor_email, b.vendor_team,
         COALESCE(ds.email, da.email, xs.email, xa.email) AS map_email,
         CASE WHEN ds.email IS NOT NULL THEN ds.team WHEN da.email IS NOT NULL THEN da.team
              WHEN xs.email IS NOT NULL THEN xs.team ELSE xa.team END AS map_team
  FROM observed AS b
  LEFT JOIN `{{dataset}}.identity_map_periods` AS ds
    ON ds.provider = b.provider AND ds.identity_key = b.identity_key
   AND b.usage_date >= ds.valid_from AND b.usage_date < ds.valid_to
  LEFT JOIN `{{dataset}}.identity_map_periods` AS da
    ON da.provider IS NULL AND da.identity_key = b.identity_key
   AND b.usage_date >= da.valid_from AND b.usage_date < da.valid_to
  LEFT JOIN `{{dataset}}.identity_map_periods` AS xs
    ON xs.provider = b.provider AND xs.identity_key = b.alias_key
   AND b.usage_date >= xs.valid_from AND b.usage_date < xs.valid_to
  LEFT JOIN `{{dataset}}.identity_map_periods` AS xa
    ON xa.provider IS NULL AND xa.identity_key = b.alias_key
   AND b.usage_date >= xa.valid_from AND b.usage_date < xa.valid_to
),
found AS (
  SELECT e.provider, e.identity_key, e.usage_date, e.map_team, e.vendor_team,
         COALESCE(e.map_email, e.vendor_email,
                  CASE WHEN e.identity_key LIKE '%@%' THEN e.identity_key END) AS email,
         CASE WHEN e.map_email IS NOT NULL THEN 'identity_map'
              WHEN e.vendor_email IS NOT NULL THEN 'vendor'
              WHEN e.identity_key LIKE '%@%' THEN 'email' END               AS resolved_by
  FROM entries AS e
),
canonical AS (
  SELECT f.provider, f.identity_key, f.usage_date, f.map_team, f.vendor_team, f.resolved_by,
         CASE WHEN f.resolved_by = 'identity_map' THEN f.email
              ELSE COALESCE(cs.email, ca.email, f.email) END AS email
  FROM found AS f
  LEFT JOIN `{{dataset}}.identity_map_periods` AS cs
    ON cs.provider = f.provider AND cs.identity_key = f.email
   AND f.usage_date >= cs.valid_from AND f.usage_date < cs.valid_to
  LEFT JOIN `{{dataset}}.identity_map_periods` AS ca
    ON ca.provider IS NULL AND ca.identity_key = f.email
   AND f.usage_date >= ca.valid_from AND f.usage_date < ca.valid_to
)
SELECT
  c.provider                                      AS provider,
  c.identity_key                                  AS identity_key,
  c.usage_date                                    AS usage_date,
  c.email                                         AS email,
  COALESCE(c.map_team, t.team, c.vendor_team)     AS team,
  c.resolved_by                                   AS resolved_by
FROM canonical AS c
LEFT JOIN `{{dataset}}.person_team_periods` AS t
  ON t.email = c.email AND c.usage_date >= t.valid_from AND c.usage_date < t.valid_to;
