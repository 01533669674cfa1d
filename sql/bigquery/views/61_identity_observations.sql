-- BigQuery twin of sql/duckdb/views/61_identity_observations.sql (duckdb-sha256: 5c94373cb35b): same view, columns, meaning.
-- Every (provider, identity, day) some fact needs resolved to a person: spend, usage subjects,
-- activity, and seats on each day they are held. identity_key = lower-cased, trimmed identity.
CREATE OR REPLACE VIEW `{{dataset}}.identity_observations` AS
SELECT DISTINCT o.provider AS provider, LOWER(TRIM(o.identity)) AS identity_key,
       o.usage_date AS usage_date
FROM (
  SELECT provider, identity, usage_date FROM `{{dataset}}.attributed_cost_daily` WHERE identity IS NOT NULL
  UNION ALL
  SELECT provider, subject, usage_date FROM `{{dataset}}.usage_daily`
  UNION ALL
  SELECT provider, identity, usage_date FROM `{{dataset}}.activity_daily`
  UNION ALL
  SELECT s.provider, s.identity, c.usage_date
  FROM `{{dataset}}.seats` AS s
  JOIN `{{dataset}}.calendar_days` AS c
    ON c.usage_date >= COALESCE(s.seat_start, DATE '0001-01-01')
   AND (s.seat_end IS NULL OR c.usage_date <= s.seat_end)
) AS o
WHERE o.identity IS NOT NULL;
