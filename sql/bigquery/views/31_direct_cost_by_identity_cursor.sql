-- BigQuery twin of sql/duckdb/views/31_direct_cost_by_identity_cursor.sql (duckdb-sha256: 6ed5a0739ef4): same view, columns, meaning.
-- Cursor money already names its person: every cost_daily_cursor row is one member's (account_id
-- = the member's email), so its rows are taken as they are — on-demand usage (vendor_reported)
-- and prorated seats (invoiced) — with the email as the identity. Nothing is split, and the
-- rows cover cost_daily_cursor exactly, so Cursor never leaves a remainder.
CREATE OR REPLACE VIEW `{{dataset}}.direct_cost_by_identity_cursor` AS
SELECT
  c.usage_date   AS usage_date,
  c.provider     AS provider,
  c.service      AS service,
  'cursor'       AS tool,
  c.account_id   AS account_id,
  c.model        AS model,
  c.sku          AS sku,
  'email'        AS identity_type,
  c.account_id   AS identity,
  c.cost_usd     AS cost_usd,
  c.basis        AS basis
FROM `{{dataset}}.cost_daily_cursor` AS c;
