-- Invoiced vs API-reported spend per provider × invoice period. An invoice is a period total,
-- not a daily figure, so it is compared with the sum of cost_daily's vendor_reported rows over
-- the same inclusive days rather than spread into cost_daily. Several invoices of one provider
-- for the same period add up (e.g. seats and usage). vendor_reported_usd and the differences
-- are NULL when the APIs reported nothing for that provider in the period (nothing to compare).
-- Named 60_ because views are created in file-name order and this one reads cost_daily (50_).
CREATE OR REPLACE VIEW invoice_reconciliation AS
WITH invoiced AS (
  SELECT
    provider,
    period_start,
    period_end,
    CAST(COUNT(*) AS BIGINT)                      AS invoices,
    CAST(SUM(total_usd) AS DECIMAL(38, 9))        AS invoiced_usd
  FROM import_invoices
  GROUP BY provider, period_start, period_end
),
reported AS (
  SELECT
    i.provider,
    i.period_start,
    i.period_end,
    CAST(SUM(c.cost_usd) AS DECIMAL(38, 9))       AS reported_usd,
    CAST(COUNT(DISTINCT c.usage_date) AS BIGINT)  AS reported_days
  FROM invoiced AS i
  JOIN cost_daily AS c
    ON c.provider = i.provider
   AND c.basis = 'vendor_reported'
   AND c.usage_date BETWEEN i.period_start AND i.period_end
  GROUP BY i.provider, i.period_start, i.period_end
)
SELECT
  i.provider                                                          AS provider,
  i.period_start                                                      AS period_start,
  i.period_end                                                        AS period_end,
  CAST(date_diff('day', i.period_start, i.period_end) + 1 AS BIGINT)  AS period_days,
  i.invoices                                                          AS invoices,
  i.invoiced_usd                                                      AS invoiced_usd,
  r.reported_usd                                                      AS vendor_reported_usd,
  CAST(COALESCE(r.reported_days, 0) AS BIGINT)                        AS vendor_reported_days,
  CAST(i.invoiced_usd - r.reported_usd AS DECIMAL(38, 9))             AS difference_usd,
  CASE WHEN r.reported_usd IS NULL OR r.reported_usd = 0 THEN NULL
       ELSE ROUND(CAST(i.invoiced_usd - r.reported_usd AS DOUBLE) * 100
                  / CAST(r.reported_usd AS DOUBLE), 2) END            AS difference_pct
FROM invoiced AS i
LEFT JOIN reported AS r
  ON r.provider = i.provider AND r.period_start = i.period_start AND r.period_end = i.period_end;
