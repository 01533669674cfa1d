-- BigQuery twin of sql/duckdb/views/40_person_team_periods.sql (duckdb-sha256: 6e7590014801): same view, columns, meaning.
-- Each person's team over time, from the identity map. A person's own rows (identity = their
-- email) decide; someone mapped only through other identities (a key name, a login) takes the
-- team of those rows. Same validity rule as identity_map_periods: a team holds from its
-- valid_from to the next one (valid_to exclusive, 9999-12-31 = open). An identity's own
-- non-empty team still wins over its person's team (see identity_resolution_daily).
CREATE OR REPLACE VIEW `{{dataset}}.person_team_periods` AS
WITH rows_with_team AS (
  SELECT p.email, p.team, p.valid_from,
         CASE WHEN p.identity_key = p.email THEN 1 ELSE 0 END AS is_self
  FROM `{{dataset}}.identity_map_periods` AS p
  WHERE p.team IS NOT NULL
),
flagged AS (
  SELECT r.email, r.team, r.valid_from, r.is_self,
         MAX(r.is_self) OVER (PARTITION BY r.email) AS has_self
  FROM rows_with_team AS r
),
picked AS (
  SELECT f.email, f.valid_from, MAX(f.team) AS team
  FROM flagged AS f
  WHERE f.is_self = 1 OR f.has_self = 0
  GROUP BY f.email, f.valid_from
)
SELECT
  k.email                                                                 AS email,
  k.team                                                                  AS team,
  k.valid_from                                                            AS valid_from,
  LEAD(k.valid_from, 1, DATE '9999-12-31')
    OVER (PARTITION BY k.email ORDER BY k.valid_from)                     AS valid_to
FROM picked AS k;
