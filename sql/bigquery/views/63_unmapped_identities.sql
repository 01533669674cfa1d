-- BigQuery twin of sql/duckdb/views/63_unmapped_identities.sql (duckdb-sha256: 38bcf0d81b7f): same view, columns, meaning.
-- Which identities does no one own? For the admin filling the identity map: every identity
-- with spend, usage or activity on a day it resolved to no person, with when it was seen and
-- what it carried (spend by source basis, tokens, active days). Spend a vendor gave with no
-- identity at all appears once per provider as identity_type 'none', identity '(unattributed)'.
-- Nothing here is dropped from the spend views: it is their 'Unmapped' person.
CREATE OR REPLACE VIEW `{{dataset}}.unmapped_identities` AS
WITH facts AS (
  SELECT a.provider, COALESCE(a.identity_type, 'none') AS identity_type,
         COALESCE(a.identity, '(unattributed)') AS identity, a.usage_date,
         CASE WHEN a.source_basis = 'vendor_reported' THEN a.cost_usd END AS cost_usd,
         CASE WHEN a.source_basis <> 'vendor_reported' THEN a.cost_usd END AS other_cost_usd,
         CAST(NULL AS INT64) AS tokens, 0 AS active
  FROM `{{dataset}}.attributed_cost_daily` AS a
  UNION ALL
  SELECT u.provider, CASE WHEN u.subject_type = 'person' THEN 'email' ELSE u.subject_type END,
         u.subject, u.usage_date, CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC),
         u.input_tokens + u.output_tokens + u.cache_read_tokens + u.cache_write_tokens, 0
  FROM `{{dataset}}.usage_daily` AS u
  WHERE u.counted_in IS NULL
  UNION ALL
  SELECT t.provider, t.identity_type, t.identity, t.usage_date, CAST(NULL AS NUMERIC),
         CAST(NULL AS NUMERIC), CAST(NULL AS INT64),
         CASE WHEN t.is_active THEN 1 ELSE 0 END
  FROM `{{dataset}}.activity_daily` AS t
)
SELECT
  f.provider                                               AS provider,
  f.identity_type                                          AS identity_type,
  f.identity                                               AS identity,
  MIN(f.usage_date)                                        AS first_seen,
  MAX(f.usage_date)                                        AS last_seen,
  CAST(COALESCE(SUM(f.cost_usd), 0) AS NUMERIC)     AS vendor_reported_usd,
  CAST(COALESCE(SUM(f.other_cost_usd), 0) AS NUMERIC) AS other_basis_usd,
  CAST(COALESCE(SUM(f.tokens), 0) AS INT64)               AS tokens,
  CAST(COUNT(DISTINCT CASE WHEN f.active = 1 THEN f.usage_date END) AS INT64) AS active_days
FROM facts AS f
LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
  ON r.provider = f.provider AND r.identity_key = LOWER(TRIM(f.identity))
 AND r.usage_date = f.usage_date
WHERE r.email IS NULL
GROUP BY f.provider, f.identity_type, f.identity;
