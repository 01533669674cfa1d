-- BigQuery twin of sql/duckdb/views/60_attributed_cost_daily.sql (duckdb-sha256: 40684b95e09c): same view, columns, meaning.
-- All spend at identity grain, before identities become people and teams: allocated splits
-- (allocated_cost_daily, basis 'allocated'), money vendors already give per identity
-- (direct_cost_by_identity), and — so no dollar goes missing — every cost_daily row of a
-- provider, day and basis that neither covers, with no identity (it shows as 'Unmapped').
-- source_basis is the basis of the vendor money a row comes from: an allocated row of a
-- vendor-reported line is vendor_reported money split by usage; never add rows of different
-- source_basis. method: how the row got its identity (token_share, claude_code_share, seat,
-- unattributed, direct, none).
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
covered AS (
  SELECT DISTINCT usage_date, provider, source_basis FROM attributed
)
SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
       cost_usd, basis, source_basis, method
FROM attributed
UNION ALL
SELECT c.usage_date, c.provider, c.service, c.service, c.account_id, c.model, c.sku,
       CAST(NULL AS STRING), CAST(NULL AS STRING), c.cost_usd, c.basis, c.basis, 'none'
FROM `{{dataset}}.cost_daily` AS c
LEFT JOIN covered AS v
  ON v.usage_date = c.usage_date AND v.provider = c.provider AND v.source_basis = c.basis
WHERE v.provider IS NULL;
