-- BigQuery twin of sql/duckdb/views/60_calendar_days.sql (duckdb-sha256: b8be1fa5aa89): same view, columns, meaning.
-- The days the warehouse has any data for (cost, usage or activity): the day spine of the
-- adoption views, built from the data because engines spell date series differently. A day
-- with no data from any source has no row.
CREATE OR REPLACE VIEW `{{dataset}}.calendar_days` AS
SELECT DISTINCT d.usage_date AS usage_date
FROM (
  SELECT usage_date FROM `{{dataset}}.cost_daily`
  UNION ALL
  SELECT usage_date FROM `{{dataset}}.usage_daily`
  UNION ALL
  SELECT usage_date FROM `{{dataset}}.activity_daily`
) AS d;
