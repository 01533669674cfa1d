-- Copilot seats per login as one period: from the seat's creation (created_at; else the first
-- snapshot listing it) until the last snapshot listing it, or open (seat_end NULL) while the
-- latest snapshot still lists it. A login listed several times (enterprise lists repeat a
-- user per granting org or team) holds one seat. Snapshots only know current holders: a
-- login removed and re-added keeps one period from its first creation.
CREATE OR REPLACE VIEW seats_github AS
WITH latest AS (
  SELECT MAX(snapshot_date) AS snapshot_date FROM github_copilot_seats
)
SELECT
  'github'                                                             AS provider,
  'copilot'                                                            AS tool,
  'github_login'                                                       AS identity_type,
  s.assignee_login                                                     AS identity,
  MIN(COALESCE(CAST(s.created_at AS DATE), s.snapshot_date))           AS seat_start,
  CASE WHEN MAX(s.snapshot_date) < MAX(l.snapshot_date) THEN MAX(s.snapshot_date) END
                                                                       AS seat_end
FROM github_copilot_seats AS s
CROSS JOIN latest AS l
GROUP BY s.assignee_login;
