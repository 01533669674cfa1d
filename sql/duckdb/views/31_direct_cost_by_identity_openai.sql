-- OpenAI money that already names an API key: the costs endpoint grouped by key gives each
-- key's cost per project × line item, taken as it is (vendor_reported). Lines without a key
-- (vector storage, code interpreter sessions, usage outside any key) are the project-level
-- remainder, split by usage in allocation_lines_openai / allocation_weights_openai instead.
CREATE OR REPLACE VIEW direct_cost_by_identity_openai AS
SELECT
  c.usage_date                                  AS usage_date,
  'openai'                                      AS provider,
  c.service                                     AS service,
  'openai_api'                                  AS tool,
  c.project_id                                  AS account_id,
  c.model                                       AS model,
  c.sku                                         AS sku,
  'api_key'                                     AS identity_type,
  c.api_key_id                                  AS identity,
  CAST(SUM(c.amount_usd) AS DECIMAL(38, 9))     AS cost_usd,
  'vendor_reported'                             AS basis
FROM openai_costs AS c
WHERE c.api_key_id IS NOT NULL
GROUP BY c.usage_date, c.service, c.project_id, c.model, c.sku, c.api_key_id;
