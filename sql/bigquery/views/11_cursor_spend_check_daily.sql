-- BigQuery twin of sql/duckdb/views/11_cursor_spend_check_daily.sql (duckdb-sha256: 156f9d89b2a8): same view, columns, meaning.
-- Cross-check of Cursor's spend snapshots against the usage events, per person per capture day.
-- Not a second copy of the money (cost_daily takes events only): a place to see them agree.
--   spend_delta_usd / events_usd : the day's snapshot deltas vs the chargeable events whose
--     timestamps fall in the same intervals. They differ by events that reached the API after
--     a snapshot (they move to the next delta) — late data, not lost money.
--   cycle_spend_usd / cycle_events_usd / cycle_gap_usd : the day's last snapshot (cumulative
--     since the cycle start) vs the loaded chargeable events from the cycle start to that
--     instant. The gap is zero when both saw the same events; events loaded later (late
--     arrivals, today's partial day) or days missing from the events table move it.
CREATE OR REPLACE VIEW `{{dataset}}.cursor_spend_check_daily` AS
WITH per_snapshot AS (
  SELECT
    d.user_email, d.captured_date, d.captured_at, d.spend_usd, d.spend_delta_usd,
    d.is_negative_delta, d.is_cycle_start_baseline,
    CAST(COALESCE(SUM(CASE WHEN e.event_ts >= d.interval_start THEN e.charged_usd END), 0)
         AS NUMERIC) AS events_in_interval_usd,
    CAST(COALESCE(SUM(e.charged_usd), 0) AS NUMERIC) AS events_cycle_to_date_usd
  FROM `{{dataset}}.cursor_spend_deltas` AS d
  LEFT JOIN `{{dataset}}.cursor_usage_events` AS e
    ON e.user_email = d.user_email AND e.is_chargeable
   AND e.event_ts >= d.cycle_start AND e.event_ts < d.captured_at
  GROUP BY d.user_email, d.captured_date, d.captured_at, d.spend_usd, d.spend_delta_usd,
    d.is_negative_delta, d.is_cycle_start_baseline
)
SELECT
  captured_date                                                       AS check_date,
  user_email                                                          AS user_email,
  CAST(COUNT(*) AS INT64)                                            AS snapshots,
  CAST(SUM(spend_delta_usd) AS NUMERIC)                        AS spend_delta_usd,
  CAST(SUM(events_in_interval_usd) AS NUMERIC)                 AS events_usd,
  CAST(SUM(spend_delta_usd) - SUM(events_in_interval_usd) AS NUMERIC)
                                                                      AS delta_minus_events_usd,
  MAX_BY(spend_usd, captured_at)                                      AS cycle_spend_usd,
  MAX_BY(events_cycle_to_date_usd, captured_at)                       AS cycle_events_usd,
  CAST(MAX_BY(spend_usd - events_cycle_to_date_usd, captured_at) AS NUMERIC)
                                                                      AS cycle_gap_usd,
  LOGICAL_OR(is_negative_delta)                                          AS has_negative_delta,
  LOGICAL_OR(is_cycle_start_baseline)                                    AS has_cycle_start_baseline
FROM per_snapshot
GROUP BY captured_date, user_email;
