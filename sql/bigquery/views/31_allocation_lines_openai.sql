-- BigQuery twin of sql/duckdb/views/31_allocation_lines_openai.sql (duckdb-sha256: 839d3c49343a): same view, columns, meaning.
-- OpenAI cost lines with no API key on them (the project-level remainder: vector storage, code
-- interpreter sessions, anything billed to the project rather than a key), to be split among
-- the project's keys and users by usage (allocation_weights_openai). line_id is the row's
-- line_key, unique per day. Lines that name a key are direct_cost_by_identity_openai's.
CREATE OR REPLACE VIEW `{{dataset}}.allocation_lines_openai` AS
SELECT
  c.usage_date          AS usage_date,
  'openai'              AS provider,
  c.line_key            AS line_id,
  c.service             AS service,
  'openai_api'          AS tool,
  c.project_id          AS account_id,
  c.model               AS model,
  c.sku                 AS sku,
  'vendor_reported'     AS source_basis,
  c.amount_usd          AS cost_usd
FROM `{{dataset}}.openai_costs` AS c
WHERE c.api_key_id IS NULL;
