-- BigQuery twin of sql/duckdb/views/63_adoption_daily.sql (duckdb-sha256: 05e5ac731a82): same view, columns, meaning.
-- Who uses each tool, and are the seats we pay for used? One row per day × tool.
--   daily/weekly/monthly_active_people: distinct people (resolved emails) active in the tool
--     that day / in the 7 / 28 days ending that day; active_unmapped_identities: active
--     identities no one owns that day (not counted as people);
--   seats: seats of the tool held that day; seats_active_28d: held by someone active in the
--     tool in the last 28 days; idle_seats_14d / _28d: held by someone with no activity in the
--     tool in the last 14 / 28 days (never-activated seats included); never_activated_seats:
--     no activity by the holder in the tool ever, up to that day.
-- A seat and its holder's activity meet by person (resolved email), else by the identity.
-- Days come from calendar_days (days with any data).
CREATE OR REPLACE VIEW `{{dataset}}.adoption_daily` AS
WITH act AS (
  SELECT DISTINCT a.usage_date, a.tool,
         COALESCE(r.email, a.provider || ':' || LOWER(TRIM(a.identity))) AS person_key,
         CASE WHEN r.email IS NULL THEN 0 ELSE 1 END                     AS is_person
  FROM `{{dataset}}.activity_daily` AS a
  LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
    ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
   AND r.usage_date = a.usage_date
  WHERE a.is_active
),
seat_days AS (
  SELECT c.usage_date, s.tool,
         COALESCE(r.email, s.provider || ':' || LOWER(TRIM(s.identity))) AS person_key
  FROM `{{dataset}}.seats` AS s
  JOIN `{{dataset}}.calendar_days` AS c
    ON c.usage_date >= COALESCE(s.seat_start, DATE '0001-01-01')
   AND (s.seat_end IS NULL OR c.usage_date <= s.seat_end)
  LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
    ON r.provider = s.provider AND r.identity_key = LOWER(TRIM(s.identity))
   AND r.usage_date = c.usage_date
),
stream AS (
  SELECT usage_date, tool, person_key, 1 AS is_seat, 0 AS is_act FROM seat_days
  UNION ALL
  SELECT usage_date, tool, person_key, 0, 1 FROM act
),
last_active AS (
  SELECT usage_date, tool, is_seat,
         MAX(CASE WHEN is_act = 1 THEN usage_date END) OVER (
           PARTITION BY tool, person_key ORDER BY usage_date, is_act DESC
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_active_date
  FROM stream
),
seat_stats AS (
  SELECT usage_date, tool,
         CAST(COUNT(*) AS INT64)                                                  AS seats,
         CAST(SUM(CASE WHEN last_active_date >= DATE_SUB(usage_date, INTERVAL 27 DAY) THEN 1 ELSE 0 END) AS INT64)
                                                                                   AS seats_active_28d,
         CAST(SUM(CASE WHEN last_active_date IS NULL OR last_active_date < DATE_SUB(usage_date, INTERVAL 13 DAY)
                       THEN 1 ELSE 0 END) AS INT64)                               AS idle_seats_14d,
         CAST(SUM(CASE WHEN last_active_date IS NULL OR last_active_date < DATE_SUB(usage_date, INTERVAL 27 DAY)
                       THEN 1 ELSE 0 END) AS INT64)                               AS idle_seats_28d,
         CAST(SUM(CASE WHEN last_active_date IS NULL THEN 1 ELSE 0 END) AS INT64) AS never_activated_seats
  FROM last_active
  WHERE is_seat = 1
  GROUP BY usage_date, tool
),
active_stats AS (
  SELECT c.usage_date, a.tool,
         CAST(COUNT(DISTINCT CASE WHEN a.usage_date = c.usage_date AND a.is_person = 1
                                  THEN a.person_key END) AS INT64)              AS daily_active_people,
         CAST(COUNT(DISTINCT CASE WHEN a.usage_date >= DATE_SUB(c.usage_date, INTERVAL 6 DAY) AND a.is_person = 1
                                  THEN a.person_key END) AS INT64)              AS weekly_active_people,
         CAST(COUNT(DISTINCT CASE WHEN a.is_person = 1 THEN a.person_key END) AS INT64)
                                                                                 AS monthly_active_people,
         CAST(COUNT(DISTINCT CASE WHEN a.usage_date = c.usage_date AND a.is_person = 0
                                  THEN a.person_key END) AS INT64)              AS active_unmapped_identities
  FROM `{{dataset}}.calendar_days` AS c
  JOIN act AS a ON a.usage_date <= c.usage_date AND a.usage_date >= DATE_SUB(c.usage_date, INTERVAL 27 DAY)
  GROUP BY c.usage_date, a.tool
),
keys AS (
  SELECT usage_date, tool FROM active_stats
  UNION DISTINCT
  SELECT usage_date, tool FROM seat_stats
)
SELECT
  k.usage_date                                   AS usage_date,
  k.tool                                         AS tool,
  COALESCE(a.daily_active_people, 0)             AS daily_active_people,
  COALESCE(a.weekly_active_people, 0)            AS weekly_active_people,
  COALESCE(a.monthly_active_people, 0)           AS monthly_active_people,
  COALESCE(a.active_unmapped_identities, 0)      AS active_unmapped_identities,
  COALESCE(s.seats, 0)                           AS seats,
  COALESCE(s.seats_active_28d, 0)                AS seats_active_28d,
  COALESCE(s.idle_seats_14d, 0)                  AS idle_seats_14d,
  COALESCE(s.idle_seats_28d, 0)                  AS idle_seats_28d,
  COALESCE(s.never_activated_seats, 0)           AS never_activated_seats
FROM keys AS k
LEFT JOIN active_stats AS a ON a.usage_date = k.usage_date AND a.tool = k.tool
LEFT JOIN seat_stats AS s ON s.usage_date = k.usage_date AND s.tool = k.tool;
