-- BigQuery twin of sql/duckdb/views/60_attributed_cost_daily.sql (duckdb-sha256: 6538cb3599cc): same view, columns, meaning.
-- All spend at identity grain, before identities become people and teams: allocated splits
-- (allocated_cost_daily, basis 'allocated'), money vendors already give per identity
-- (direct_cost_by_identity), and — so no dollar goes missing — per day × provider × service ×
-- basis, whatever part of cost_daily neither covers, with no identity (shown as 'Unmapped';
-- method 'remainder'). A vendor not attributed at all appears whole this way; a negative
-- remainder means a feed attributes more than cost_daily holds (a bug to fix, kept visible).
-- source_basis is the basis of the vendor money a row comes from: an allocated row of a
-- vendor-reported line is vendor_reported money split by usage; never add rows of different
-- source_basis. method: how the row got its identity (token_share, claude_code_share, seat,
-- unattributed, direct, remainder).
CREATE OR REPLACE VIEW `{{dataset}}.attributed_cost_daily` AS
WITH attributed AS (
  SELECT a.usage_date, a.provider, a.service, a.tool, a.account_id, a.model, a.sku,
         a.identity_type, a.identity, a.cost_usd, 'allocated' AS basis,
         a.source_basis, a.method
  FROM `{{dataset}}.allocated_cost_daily` AS a
  UNION ALL
  SELECT d.usage_date, d.provider, d.service, d.tool, d.account_id, d.model, d.sku,
         d.identity_type, d.identity, d.cost_usd, d.basis, d.basis, 'direct'
  FROM `{{dataset}}.direct_cost_by_identity` AS d
),
remainders AS (
  SELECT r.usage_date, r.provider, r.service, r.basis, SUM(r.cost_usd) AS cost_usd
  FROM (
    SELECT usage_date, provider, service, basis, cost_usd FROM `{{dataset}}.cost_daily`
    UNION ALL
    SELECT usage_date, provider, service, source_basis, -cost_usd FROM attributed
  ) AS r
  GROUP BY r.usage_date, r.provider, r.service, r.basis
)
SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
       cost_usd, basis, source_basis, method
FROM attributed
UNION ALL
SELECT m.usage_date, m.provider, m.service, m.service, CAST(NULL AS STRING),
       CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING),
       CAST(NULL AS STRING), CAST(m.cost_usd AS NUMERIC), m.basis, m.basis, 'remainder'
FROM remainders AS m
WHERE m.cost_usd <> 0;
