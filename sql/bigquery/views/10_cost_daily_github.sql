-- BigQuery twin of sql/duckdb/views/10_cost_daily_github.sql (duckdb-sha256: c7d91e5557bd): same view, columns, meaning.
-- GitHub Copilot's daily cost in the cost_daily shape, two kinds of line:
--   premium requests : the billing API's net amount per day × model (gross minus the seats'
--                      included allowance), basis vendor_reported, the only dollars GitHub reports;
--   seats            : the configured monthly seat price (AI_USAGE_COPILOT_SEAT_PRICE_USD),
--                      each seat's share of its month for every day a snapshot listed it, basis
--                      invoiced. A login counts once per day (enterprise lists repeat a user per
--                      granting org/team but bill one seat). No price configured: no seat lines.
-- model is the metrics reports' id (claude-sonnet-4.5), so cost joins usage_daily by model.
CREATE OR REPLACE VIEW `{{dataset}}.cost_daily_github` AS
SELECT
  p.usage_date                                        AS usage_date,
  'github'                                            AS provider,
  'copilot'                                           AS service,
  p.owner                                             AS account_id,
  p.owner                                             AS account_name,
  p.model_id                                          AS model,
  p.sku                                               AS sku,
  p.product || ' premium requests: ' || p.model       AS description,
  CAST(p.net_quantity AS NUMERIC)              AS quantity,
  p.unit_type                                         AS unit,
  CAST(p.net_amount_usd AS NUMERIC)            AS cost_usd,
  'vendor_reported'                                   AS basis,
  'USD'                                               AS currency
FROM `{{dataset}}.github_copilot_premium_usage` AS p
UNION ALL
SELECT
  s.snapshot_date,
  'github',
  'copilot',
  s.owner,
  s.owner,
  CAST(NULL AS STRING),
  'copilot_' || COALESCE(s.plan_type, 'unknown') || '_seat',
  'Copilot seats at the configured monthly price, prorated per day',
  CAST(COUNT(DISTINCT s.assignee_login) AS NUMERIC),
  'seats',
  CAST(COUNT(DISTINCT s.assignee_login) * MAX(s.seat_daily_price_usd) AS NUMERIC),
  'invoiced',
  'USD'
FROM `{{dataset}}.github_copilot_seats` AS s
WHERE s.seat_daily_price_usd IS NOT NULL
GROUP BY s.snapshot_date, s.owner, s.plan_type;
