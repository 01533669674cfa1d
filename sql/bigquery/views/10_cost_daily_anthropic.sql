-- BigQuery twin of sql/duckdb/views/10_cost_daily_anthropic.sql (duckdb-sha256: 977f37e738e6): same view, columns, meaning.
-- Anthropic's daily cost in the cost_daily shape: the cost report is the only dollar truth for
-- Claude (Claude Code's estimated_cost is already inside it and never appears here). A NULL
-- workspace_id is the Default workspace, which the workspaces endpoint never lists: the LEFT
-- JOIN keeps those rows and names them. One row per day × workspace × model × sku × description
-- (tiers and context windows of the same line are summed).
CREATE OR REPLACE VIEW `{{dataset}}.cost_daily_anthropic` AS
SELECT
  c.usage_date                                              AS usage_date,
  'anthropic'                                               AS provider,
  'claude_api'                                              AS service,
  COALESCE(c.workspace_id, 'default')                       AS account_id,
  CASE WHEN c.workspace_id IS NULL THEN 'Default workspace'
       ELSE COALESCE(w.name, c.workspace_id) END            AS account_name,
  c.model                                                   AS model,
  COALESCE(c.token_type, c.cost_type)                       AS sku,
  c.description                                             AS description,
  CAST(NULL AS NUMERIC)                              AS quantity,
  CAST(NULL AS STRING)                                     AS unit,
  CAST(SUM(c.amount_usd) AS NUMERIC)                 AS cost_usd,
  'vendor_reported'                                         AS basis,
  'USD'                                                     AS currency
FROM `{{dataset}}.anthropic_cost_report` AS c
-- w.id is never NULL, so `=` leaves the Default workspace (NULL) unmatched exactly as DuckDB's
-- null-safe join does, and BigQuery outer joins need an equality.
LEFT JOIN `{{dataset}}.anthropic_workspaces` AS w ON w.id = c.workspace_id
GROUP BY c.usage_date, c.workspace_id, w.name, c.model, COALESCE(c.token_type, c.cost_type),
  c.description;
