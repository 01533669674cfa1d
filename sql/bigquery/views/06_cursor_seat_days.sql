-- BigQuery twin of sql/duckdb/views/06_cursor_seat_days.sql (duckdb-sha256: bef09a90aa96): same view, columns, meaning.
-- The seats held each day: a member on the team that day. Evidence is the dense daily rows (a
-- row per seat per day, active or not) and the day's member listing. An unpaid admin (role
-- 'free-owner') holds no paid seat and is left out.
CREATE OR REPLACE VIEW `{{dataset}}.cursor_seat_days` AS
SELECT DISTINCT d.usage_date AS usage_date, d.user_email AS user_email
FROM (
  SELECT usage_date, user_email FROM `{{dataset}}.cursor_daily_usage`
  UNION ALL
  SELECT captured_date, user_email FROM `{{dataset}}.cursor_member_snapshots` WHERE NOT is_removed
) AS d
LEFT JOIN `{{dataset}}.cursor_members` AS m ON m.user_email = d.user_email
WHERE m.role IS DISTINCT FROM 'free-owner';
