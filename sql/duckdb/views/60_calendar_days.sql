-- The days the warehouse has any data for (cost, usage or activity): the day spine of the
-- adoption views, built from the data because engines spell date series differently. A day
-- with no data from any source has no row.
CREATE OR REPLACE VIEW calendar_days AS
SELECT DISTINCT d.usage_date AS usage_date
FROM (
  SELECT usage_date FROM cost_daily
  UNION ALL
  SELECT usage_date FROM usage_daily
  UNION ALL
  SELECT usage_date FROM activity_daily
) AS d;
