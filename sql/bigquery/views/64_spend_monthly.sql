-- BigQuery twin of sql/duckdb/views/64_spend_monthly.sql (duckdb-sha256: 421b19fb244a): same view, columns, meaning.
-- What did we spend per month on each provider, tool and team, how does it compare with the
-- month before, and what share of the month's spend is it? From spend_by_team_daily; month is
-- the first day of the UTC month. previous_month_usd is the same provider/service/tool/team/
-- basis one month earlier (NULL when it had none: mom_change_pct is then NULL too); a
-- combination with spend last month and none this month has no row this month. Shares are
-- within the month's spend of the same source_basis (vendor_reported money is never mixed
-- with invoiced or estimated money). Percentages are rounded to 2 decimals.
CREATE OR REPLACE VIEW `{{dataset}}.spend_monthly` AS
WITH monthly AS (
  SELECT DATE_TRUNC(s.usage_date, MONTH)                                   AS month,
         s.provider, s.service, s.tool, s.team, s.basis, s.source_basis,
         CAST(SUM(s.cost_usd) AS NUMERIC)                           AS cost_usd
  FROM `{{dataset}}.spend_by_team_daily` AS s
  GROUP BY DATE_TRUNC(s.usage_date, MONTH), s.provider,
    s.service, s.tool, s.team, s.basis, s.source_basis
),
with_previous AS (
  SELECT m.*,
         DATE_SUB(m.month, INTERVAL 1 MONTH)                               AS previous_month
  FROM monthly AS m
)
SELECT
  m.month                                                                 AS month,
  m.provider                                                              AS provider,
  m.service                                                               AS service,
  m.tool                                                                  AS tool,
  m.team                                                                  AS team,
  m.basis                                                                 AS basis,
  m.source_basis                                                          AS source_basis,
  m.cost_usd                                                              AS cost_usd,
  p.cost_usd                                                              AS previous_month_usd,
  CAST(m.cost_usd - COALESCE(p.cost_usd, 0) AS NUMERIC)            AS mom_change_usd,
  -- DuckDB divides DECIMALs in DOUBLE: FLOAT64 here, so both return the same numbers.
  ROUND(CAST((m.cost_usd - p.cost_usd) * 100 AS FLOAT64)
        / CAST(NULLIF(p.cost_usd, 0) AS FLOAT64), 2)                      AS mom_change_pct,
  ROUND(CAST(m.cost_usd * 100 AS FLOAT64) / CAST(NULLIF(SUM(m.cost_usd)
          OVER (PARTITION BY m.month, m.source_basis), 0) AS FLOAT64), 2) AS share_of_month_pct
FROM with_previous AS m
LEFT JOIN monthly AS p
  ON p.month = m.previous_month AND p.provider = m.provider AND p.service = m.service
 AND p.tool = m.tool AND p.team = m.team AND p.basis = m.basis
 AND p.source_basis = m.source_basis;
