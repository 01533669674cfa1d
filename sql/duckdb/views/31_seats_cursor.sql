-- Cursor seats as periods, from the days a member held one (cursor_seat_days: dense daily rows
-- and member listings; unpaid admins excluded). Consecutive days form one period (a day minus
-- its rank is constant along a run of days); a gap — left and came back, or days not loaded —
-- starts a new one. The period that reaches the latest seat day stays open (seat_end NULL)
-- unless the member is no longer listed.
CREATE OR REPLACE VIEW seats_cursor AS
WITH ranked AS (
  SELECT s.user_email, s.usage_date,
         ROW_NUMBER() OVER (PARTITION BY s.user_email ORDER BY s.usage_date) AS n
  FROM cursor_seat_days AS s
),
periods AS (
  SELECT r.user_email, MIN(r.usage_date) AS seat_start, MAX(r.usage_date) AS last_day
  FROM ranked AS r
  GROUP BY r.user_email, r.usage_date - CAST(r.n AS INTEGER)
),
latest AS (
  SELECT MAX(usage_date) AS usage_date FROM cursor_seat_days
)
SELECT
  'cursor'                                                                 AS provider,
  'cursor'                                                                 AS tool,
  'email'                                                                  AS identity_type,
  p.user_email                                                             AS identity,
  p.seat_start                                                             AS seat_start,
  CASE WHEN p.last_day = l.usage_date AND NOT COALESCE(m.is_removed, FALSE) THEN NULL
       ELSE p.last_day END                                                 AS seat_end
FROM periods AS p
CROSS JOIN latest AS l
LEFT JOIN cursor_members AS m ON m.user_email = p.user_email;
