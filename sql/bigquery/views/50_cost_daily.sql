-- BigQuery twin of sql/duckdb/views/50_cost_daily.sql (duckdb-sha256: 80185c629789): same view, columns, meaning.
-- Daily cost across vendors (FOCUS-style columns). One vendor view per file (10_cost_daily_*);
-- adding a vendor = its file + one `UNION ALL BY NAME SELECT * FROM cost_daily_<vendor>` line.
-- The outer column list pins the public names and order other tools rely on.
CREATE OR REPLACE VIEW `{{dataset}}.cost_daily` AS
SELECT usage_date, provider, service, account_id, account_name, model, sku, description,
       quantity, unit, cost_usd, basis, currency
FROM (
  SELECT * FROM `{{dataset}}.cost_daily_anthropic`
  UNION ALL SELECT usage_date, provider, service, account_id, account_name, model, sku, description, quantity,
    unit, cost_usd, basis, currency
  FROM `{{dataset}}.cost_daily_cursor`
  UNION ALL SELECT usage_date, provider, service, account_id, account_name, model, sku, description, quantity,
    unit, cost_usd, basis, currency
  FROM `{{dataset}}.cost_daily_openai`
  UNION ALL SELECT usage_date, provider, service, account_id, account_name, model, sku, description, quantity,
    unit, cost_usd, basis, currency
  FROM `{{dataset}}.cost_daily_github`
) AS vendors;
