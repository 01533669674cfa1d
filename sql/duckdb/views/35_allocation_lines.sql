-- Vendor cost lines that have no person on them and are split among identities by
-- src/pipeline/derive.ts into allocated_cost_daily. line_id is unique per day and provider.
-- Adding a vendor = its 31_allocation_lines_<vendor>.sql + one UNION ALL line.
CREATE OR REPLACE VIEW allocation_lines AS
SELECT usage_date, provider, line_id, service, tool, account_id, model, sku, source_basis,
       cost_usd
FROM (
  SELECT usage_date, provider, line_id, service, tool, account_id, model, sku, source_basis,
         cost_usd
  FROM allocation_lines_anthropic
  UNION ALL
  SELECT usage_date, provider, line_id, service, tool, account_id, model, sku, source_basis,
         cost_usd
  FROM allocation_lines_openai
) AS vendors;
