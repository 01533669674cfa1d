-- BigQuery twin of sql/duckdb/views/10_cursor_spend_deltas.sql (duckdb-sha256: 7a83fafe61ac): same view, columns, meaning.
-- Per-snapshot deltas of Cursor's cumulative current-cycle spend, per person. Snapshots are
-- cumulative since the cycle start, so they are never summed: each delta is this snapshot minus
-- the person's previous snapshot OF THE SAME CYCLE. The first snapshot seen in a cycle (a new
-- cycle, or the first run) counts from zero at the cycle start (is_cycle_start_baseline). A
-- delta below zero is kept as is and flagged (is_negative_delta): never clamped or hidden.
CREATE OR REPLACE VIEW `{{dataset}}.cursor_spend_deltas` AS
WITH ordered AS (
  SELECT
    s.user_email, s.captured_date, s.captured_at, s.cycle_start,
    s.spend_usd, s.overall_spend_usd, s.included_spend_usd,
    LAG(s.captured_at) OVER w         AS prev_captured_at,
    LAG(s.cycle_start) OVER w         AS prev_cycle_start,
    LAG(s.spend_usd) OVER w           AS prev_spend_usd,
    LAG(s.overall_spend_usd) OVER w   AS prev_overall_spend_usd,
    LAG(s.included_spend_usd) OVER w  AS prev_included_spend_usd
  FROM `{{dataset}}.cursor_spend_snapshots` AS s
  WINDOW w AS (PARTITION BY s.user_email ORDER BY s.captured_at)
),
scoped AS (
  SELECT o.*, COALESCE(o.prev_cycle_start = o.cycle_start, FALSE) AS has_baseline
  FROM ordered AS o
),
deltas AS (
  SELECT
    c.*,
    CAST(c.spend_usd - CASE WHEN c.has_baseline THEN c.prev_spend_usd ELSE 0 END
         AS NUMERIC) AS spend_delta_usd,
    CAST(c.overall_spend_usd - CASE WHEN c.has_baseline THEN c.prev_overall_spend_usd ELSE 0 END
         AS NUMERIC) AS overall_spend_delta_usd,
    CAST(c.included_spend_usd - CASE WHEN c.has_baseline THEN c.prev_included_spend_usd ELSE 0 END
         AS NUMERIC) AS included_spend_delta_usd
  FROM scoped AS c
)
SELECT
  user_email                                                    AS user_email,
  captured_date                                                 AS captured_date,
  captured_at                                                   AS captured_at,
  cycle_start                                                   AS cycle_start,
  CASE WHEN has_baseline THEN prev_captured_at ELSE cycle_start END AS interval_start,
  captured_at                                                   AS interval_end,
  NOT has_baseline                                              AS is_cycle_start_baseline,
  spend_usd                                                     AS spend_usd,
  spend_delta_usd                                               AS spend_delta_usd,
  overall_spend_usd                                             AS overall_spend_usd,
  overall_spend_delta_usd                                       AS overall_spend_delta_usd,
  included_spend_delta_usd                                      AS included_spend_delta_usd,
  (spend_delta_usd < 0 OR COALESCE(overall_spend_delta_usd < 0, FALSE)) AS is_negative_delta
FROM deltas;
