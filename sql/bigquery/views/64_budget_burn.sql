-- BigQuery twin of sql/duckdb/views/64_budget_burn.sql (duckdb-sha256: e17c0bb2e923): same view, columns, meaning.
-- Are we on budget? One row per budget period (the budgets table, written from config at every
-- run) that has started by the latest day with cost data (as_of) and ends on or after the
-- first. actual_usd = vendor-reported spend in scope (total, one provider, or one team via
-- spend_by_team_daily, whose allocated splits sum back to the vendor totals) from the
-- period's first day to as_of; estimated_usd = spend only estimated (never added to actual).
-- burn_rate = actual ÷ days elapsed; forecast = burn_rate × days in the period (a
-- straight-line projection, rounded to the cent). status: over_budget (actual above budget),
-- forecast_over (on course to exceed it), on_track.
CREATE OR REPLACE VIEW `{{dataset}}.budget_burn` AS
WITH as_of AS (
  SELECT MIN(usage_date) AS first_day, MAX(usage_date) AS as_of_day FROM `{{dataset}}.cost_daily`
),
periods AS (
  SELECT b.budget_id, b.scope, b.name, b.period, b.period_start, b.period_end,
         b.days_in_period, b.amount_usd,
         CASE WHEN b.period_end < a.as_of_day THEN b.period_end ELSE a.as_of_day END AS as_of_day
  FROM `{{dataset}}.budgets` AS b
  CROSS JOIN as_of AS a
  WHERE b.period_start <= a.as_of_day AND b.period_end >= a.first_day
),
actual AS (
  SELECT p.budget_id, p.period_start,
         SUM(CASE WHEN s.source_basis = 'vendor_reported' THEN s.cost_usd END) AS actual_usd,
         SUM(CASE WHEN s.source_basis = 'estimated' THEN s.cost_usd END)       AS estimated_usd
  -- An inner join here and a LEFT JOIN in `measured` (BigQuery outer joins need an equality;
  -- DuckDB's twin LEFT JOINs here): a period with no spend still gets its row, with 0.
  FROM periods AS p
  JOIN `{{dataset}}.spend_by_team_daily` AS s
    ON s.usage_date >= p.period_start AND s.usage_date <= p.as_of_day
   AND (p.scope = 'total' OR (p.scope = 'provider' AND s.provider = p.name)
        OR (p.scope = 'team' AND s.team = p.name))
  GROUP BY p.budget_id, p.period_start
),
measured AS (
  SELECT p.*, CAST(COALESCE(a.actual_usd, 0) AS NUMERIC) AS actual_usd,
         CAST(COALESCE(a.estimated_usd, 0) AS NUMERIC) AS estimated_usd,
         CAST(EXTRACT(DAYOFYEAR FROM p.as_of_day) - EXTRACT(DAYOFYEAR FROM p.period_start) + 1
              AS INT64) AS days_elapsed
  FROM periods AS p
  LEFT JOIN actual AS a ON a.budget_id = p.budget_id AND a.period_start = p.period_start
),
-- DuckDB divides DECIMALs in DOUBLE; so do these lines (FLOAT64), so both engines return the
-- same numbers, as numbers (BigQuery would otherwise divide NUMERICs exactly, as text).
projected AS (
  SELECT m.*,
         CAST(ROUND(CAST(m.actual_usd * m.days_in_period AS FLOAT64) / m.days_elapsed, 2)
              AS NUMERIC)
           AS forecast_usd
  FROM measured AS m
)
SELECT
  p.budget_id                                                         AS budget_id,
  p.scope                                                             AS scope,
  p.name                                                              AS name,
  p.period                                                            AS period,
  p.period_start                                                      AS period_start,
  p.period_end                                                        AS period_end,
  p.amount_usd                                                        AS budget_usd,
  p.as_of_day                                                         AS as_of,
  p.days_elapsed                                                      AS days_elapsed,
  CAST(p.days_in_period AS INT64)                                    AS days_in_period,
  p.actual_usd                                                        AS actual_usd,
  p.estimated_usd                                                     AS estimated_usd,
  CAST(p.amount_usd - p.actual_usd AS NUMERIC)                 AS remaining_usd,
  ROUND(CAST(p.actual_usd * 100 AS FLOAT64) / CAST(NULLIF(p.amount_usd, 0) AS FLOAT64), 2)
                                                                      AS pct_used,
  CAST(ROUND(CAST(p.actual_usd AS FLOAT64) / p.days_elapsed, 2) AS NUMERIC)
                                                                      AS burn_rate_usd_per_day,
  p.forecast_usd                                                      AS forecast_usd,
  CAST(p.forecast_usd - p.amount_usd AS NUMERIC)               AS forecast_variance_usd,
  CASE WHEN p.actual_usd > p.amount_usd THEN 'over_budget'
       WHEN p.forecast_usd > p.amount_usd THEN 'forecast_over'
       ELSE 'on_track' END                                            AS status
FROM projected AS p;
