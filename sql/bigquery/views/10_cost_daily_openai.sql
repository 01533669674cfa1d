-- BigQuery twin of sql/duckdb/views/10_cost_daily_openai.sql (duckdb-sha256: 5a575860933c): same view, columns, meaning.
-- OpenAI's daily cost in the cost_daily shape, from the costs endpoint: the money truth (OpenAI
-- says Costs reconciles to the invoice; Usage may not, so nothing here is derived from usage).
-- Rows are loaded per project × line item × API key; this sums the keys, giving one row per
-- day × project × line item. service, model, sku and unit are derived from the free-text line
-- item (src/sources/openai/line-items.ts); unplaceable lines are service 'other', never dropped.
CREATE OR REPLACE VIEW `{{dataset}}.cost_daily_openai` AS
SELECT
  c.usage_date                                  AS usage_date,
  'openai'                                      AS provider,
  c.service                                     AS service,
  c.project_id                                  AS account_id,
  COALESCE(p.name, c.project_id)                AS account_name,
  c.model                                       AS model,
  c.sku                                         AS sku,
  c.line_item                                   AS description,
  CAST(SUM(c.quantity) AS NUMERIC)       AS quantity,
  c.unit                                        AS unit,
  CAST(SUM(c.amount_usd) AS NUMERIC)     AS cost_usd,
  'vendor_reported'                             AS basis,
  'USD'                                         AS currency
FROM `{{dataset}}.openai_costs` AS c
LEFT JOIN `{{dataset}}.openai_projects` AS p ON p.id = c.project_id
GROUP BY c.usage_date, c.service, c.project_id, p.name, c.model, c.sku, c.line_item, c.unit;
