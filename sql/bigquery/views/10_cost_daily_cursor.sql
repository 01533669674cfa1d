-- BigQuery twin of sql/duckdb/views/10_cost_daily_cursor.sql (duckdb-sha256: fda84e44f21f): same view, columns, meaning.
-- Cursor's daily cost in the cost_daily shape, per person (account_id = the member's email:
-- Cursor bills seats and on-demand usage per member). Two lines, never overlapping:
--   on_demand : Σ chargedCents of chargeable ("Usage-based") usage events, vendor_reported —
--               the money truth. "Included in Business" events are covered by the seat and
--               never appear; spend snapshots are only a cross-check (cursor_spend_check_daily).
--   seat      : the configured seat price split over its billing period's days, per seat held
--               that day (cursor_seat_days × cursor_seat_prices), invoiced. Absent when no
--               price is configured.
CREATE OR REPLACE VIEW `{{dataset}}.cost_daily_cursor` AS
SELECT
  e.usage_date                                              AS usage_date,
  'cursor'                                                  AS provider,
  'cursor'                                                  AS service,
  e.user_email                                              AS account_id,
  COALESCE(m.name, e.user_email)                            AS account_name,
  e.model                                                   AS model,
  'on_demand'                                               AS sku,
  'On-demand usage (chargeable usage events)'               AS description,
  CAST(SUM(e.requests_costs) AS NUMERIC)             AS quantity,
  'request_units'                                           AS unit,
  CAST(SUM(e.charged_usd) AS NUMERIC)                AS cost_usd,
  'vendor_reported'                                         AS basis,
  'USD'                                                     AS currency
FROM `{{dataset}}.cursor_usage_events` AS e
LEFT JOIN `{{dataset}}.cursor_members` AS m ON m.user_email = e.user_email
WHERE e.is_chargeable
GROUP BY e.usage_date, e.user_email, m.name, e.model
UNION ALL
SELECT
  s.usage_date,
  'cursor',
  'cursor',
  s.user_email,
  COALESCE(m.name, s.user_email),
  CAST(NULL AS STRING),
  'seat',
  'Seat subscription, prorated per day',
  CAST(1 AS NUMERIC),
  'seat_days',
  p.day_share_usd,
  'invoiced',
  'USD'
FROM `{{dataset}}.cursor_seat_days` AS s
JOIN `{{dataset}}.cursor_seat_prices` AS p ON p.usage_date = s.usage_date
LEFT JOIN `{{dataset}}.cursor_members` AS m ON m.user_email = s.user_email;
