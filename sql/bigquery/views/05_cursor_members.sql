-- BigQuery twin of sql/duckdb/views/05_cursor_members.sql (duckdb-sha256: 14fa07555efd): same view, columns, meaning.
-- Every Cursor member ever seen, with first/last-seen days that survive merges: derived from
-- the per-day member snapshots and the dense daily rows (a row per seat per day, which reach
-- back before the first run), never stored on a row a later merge could overwrite. Name, id
-- and role come from the latest listing. is_removed: not in the latest member listing (or
-- listed with isRemoved); people seen only in daily rows left before the first listing.
CREATE OR REPLACE VIEW `{{dataset}}.cursor_members` AS
WITH seen AS (
  SELECT user_email, usage_date AS seen_date, user_id FROM `{{dataset}}.cursor_daily_usage`
  UNION ALL
  SELECT user_email, CASE WHEN is_removed THEN NULL ELSE captured_date END, user_id
  FROM `{{dataset}}.cursor_member_snapshots`
),
spans AS (
  SELECT user_email, MIN(seen_date) AS first_seen_date, MAX(seen_date) AS last_seen_date,
         MAX_BY(user_id, seen_date) AS user_id
  FROM seen
  GROUP BY user_email
),
listed AS (
  SELECT user_email,
         MAX_BY(user_id, captured_at)    AS user_id,
         MAX_BY(name, captured_at)       AS name,
         MAX_BY(role, captured_at)       AS role,
         MAX_BY(is_removed, captured_at) AS is_removed,
         MAX(captured_date)              AS last_listed_date
  FROM `{{dataset}}.cursor_member_snapshots`
  GROUP BY user_email
),
latest AS (
  SELECT MAX(captured_date) AS captured_date FROM `{{dataset}}.cursor_member_snapshots`
)
SELECT
  s.user_email                                                  AS user_email,
  COALESCE(l.user_id, s.user_id)                                AS user_id,
  l.name                                                        AS name,
  l.role                                                        AS role,
  s.first_seen_date                                             AS first_seen_date,
  s.last_seen_date                                              AS last_seen_date,
  l.last_listed_date                                            AS last_listed_date,
  NOT COALESCE(l.last_listed_date = t.captured_date AND NOT l.is_removed, FALSE) AS is_removed
FROM spans AS s
LEFT JOIN listed AS l ON l.user_email = s.user_email
CROSS JOIN latest AS t;
