-- BigQuery twin of sql/duckdb/views/60_invoice_reconciliation.sql (duckdb-sha256: 2377389e5fca): same view, columns, meaning.
-- Invoiced vs API-reported spend per provider × invoice period. An invoice is a period total,
-- not a daily figure, so it is compared with the sum of cost_daily's vendor_reported rows over
-- the same inclusive days rather than spread into cost_daily. Several invoices of one provider
-- for the same period add up (e.g. seats and usage). vendor_reported_usd and the differences
-- are NULL when the APIs reported nothing for that provider in the period (nothing to compare).
-- Named 60_ because views are created in file-name order and this one reads cost_daily (50_).
CREATE OR REPLACE VIEW `{{dataset}}.invoice_reconciliation` AS
WITH invoiced AS (
  SELECT
    provider,
    period_start,
    period_end,
    CAST(COUNT(*) AS INT64)                      AS invoices,
    CAST(SUM(total_usd) AS NUMERIC)        AS invoiced_usd
  FROM `{{dataset}}.import_invoices`
  GROUP BY provider, period_start, period_end
),
reported AS (
  SELECT
    i.provider,
    i.period_start,
    i.period_end,
    CAST(SUM(c.cost_usd) AS NUMERIC)       AS reported_usd,
    CAST(COUNT(DISTINCT c.usage_date) AS INT64)  AS reported_days
  FROM invoiced AS i
  JOIN `{{dataset}}.cost_daily` AS c
    ON c.provider = i.provider
   AND c.basis = 'vendor_reported'
   AND c.usage_date BETWEEN i.period_start AND i.period_end
  GROUP BY i.provider, i.period_start, i.period_end
)
SELECT
  i.provider                                                          AS provider,
  i.period_start                                                      AS period_start,
  i.period_end                                                        AS period_end,
  CAST(DATE_DIFF(i.period_end, i.period_start, DAY) + 1 AS INT64)  AS period_days,
  i.invoices                                                          AS invoices,
  i.invoiced_usd                                                      AS invoiced_usd,
  r.reported_usd                                                      AS vendor_reported_usd,
  CAST(COALESCE(r.reported_days, 0) AS INT64)                        AS vendor_reported_days,
  CAST(i.invoiced_usd - r.reported_usd AS NUMERIC)             AS difference_usd,
  CASE WHEN r.reported_usd IS NULL OR r.reported_usd = 0 THEN NULL
       ELSE ROUND(CAST(i.invoiced_usd - r.reported_usd AS FLOAT64) * 100
                  / CAST(r.reported_usd AS FLOAT64), 2) END            AS difference_pct
FROM invoiced AS i
LEFT JOIN reported AS r
  ON r.provider = i.provider AND r.period_start = i.period_start AND r.period_end = i.period_end;
