-- BigQuery twin of sql/duckdb/views/31_direct_cost_by_identity_github.sql (duckdb-sha256: c40f1739363e): same view, columns, meaning.
-- Copilot money per login, both kinds of cost_daily_github line:
--   premium requests: the per-user billing rows (github_copilot_premium_user_usage, net
--     amount), vendor_reported. What no per-user answer covered ('(unattributed)') is left
--     out here, so attributed_cost_daily keeps it as the day's Unmapped remainder;
--   seats: each distinct login a day's snapshot lists gets that day's seat price (the same
--     count × price cost_daily_github bills per day × owner × plan), invoiced — exact, no split.
-- Logins resolve to people only through the identity map (vendor_identities_github).
CREATE OR REPLACE VIEW `{{dataset}}.direct_cost_by_identity_github` AS
WITH seat_holders AS (
  SELECT DISTINCT s.snapshot_date, s.owner, s.plan_type, s.assignee_login
  FROM `{{dataset}}.github_copilot_seats` AS s
  WHERE s.seat_daily_price_usd IS NOT NULL
),
seat_prices AS (
  SELECT s.snapshot_date, s.owner, s.plan_type, MAX(s.seat_daily_price_usd) AS price_usd
  FROM `{{dataset}}.github_copilot_seats` AS s
  WHERE s.seat_daily_price_usd IS NOT NULL
  GROUP BY s.snapshot_date, s.owner, s.plan_type
)
SELECT
  p.usage_date                                  AS usage_date,
  'github'                                      AS provider,
  'copilot'                                     AS service,
  'copilot'                                     AS tool,
  p.owner                                       AS account_id,
  p.model_id                                    AS model,
  p.sku                                         AS sku,
  'github_login'                                AS identity_type,
  p.user_login                                  AS identity,
  CAST(SUM(p.net_amount_usd) AS NUMERIC) AS cost_usd,
  'vendor_reported'                             AS basis
FROM `{{dataset}}.github_copilot_premium_user_usage` AS p
WHERE p.user_login <> '(unattributed)'
GROUP BY p.usage_date, p.owner, p.model_id, p.sku, p.user_login
UNION ALL
SELECT
  h.snapshot_date,
  'github',
  'copilot',
  'copilot',
  h.owner,
  CAST(NULL AS STRING),
  'copilot_' || COALESCE(h.plan_type, 'unknown') || '_seat',
  'github_login',
  h.assignee_login,
  CAST(p.price_usd AS NUMERIC),
  'invoiced'
FROM seat_holders AS h
JOIN seat_prices AS p
  ON p.snapshot_date = h.snapshot_date AND p.owner = h.owner
 AND p.plan_type IS NOT DISTINCT FROM h.plan_type;
