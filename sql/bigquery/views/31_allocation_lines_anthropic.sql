-- BigQuery twin of sql/duckdb/views/31_allocation_lines_anthropic.sql (duckdb-sha256: e2effc49e201): same view, columns, meaning.
-- Anthropic cost lines to split among identities: every cost report row (the cost report has
-- no api_key_id or user grouping). line_id is the row's line_key, unique per day. Allocation
-- extension point: one 31_allocation_lines_<vendor>.sql (and _weights_) per vendor with
-- vendor totals that have no person on them (seat fees, project totals), unioned in 35_.
CREATE OR REPLACE VIEW `{{dataset}}.allocation_lines_anthropic` AS
SELECT
  c.usage_date                               AS usage_date,
  'anthropic'                                AS provider,
  c.line_key                                 AS line_id,
  'claude_api'                               AS service,
  COALESCE(t.tool, 'claude_api')             AS tool,
  COALESCE(c.workspace_id, 'default')        AS account_id,
  c.model                                    AS model,
  COALESCE(c.token_type, c.cost_type)        AS sku,
  'vendor_reported'                          AS source_basis,
  c.amount_usd                               AS cost_usd
FROM `{{dataset}}.anthropic_cost_report` AS c
LEFT JOIN `{{dataset}}.anthropic_workspace_tools` AS t ON t.workspace_id = c.workspace_id;
