-- BigQuery twin of sql/duckdb/views/35_direct_cost_by_identity.sql (duckdb-sha256: 34c68db35b9d): same view, columns, meaning.
-- Vendor money that already names an identity (no split needed): e.g. Cursor usage events by
-- user email, OpenAI costs grouped by API key, Copilot premium requests by login. Anthropic has
-- none (its cost report names no key or user: it is allocated instead), so this starts empty.
-- Adding a vendor = one UNION ALL line over its 31_direct_cost_by_identity_<vendor> view. A
-- provider's rows here plus its allocated rows must cover its cost_daily of the same basis;
-- a provider-day with neither shows whole as 'Unmapped' (see attributed_cost_daily).
CREATE OR REPLACE VIEW `{{dataset}}.direct_cost_by_identity` AS
SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
       cost_usd, basis
FROM (
  SELECT CAST(NULL AS DATE) AS usage_date, CAST(NULL AS STRING) AS provider,
         CAST(NULL AS STRING) AS service, CAST(NULL AS STRING) AS tool,
         CAST(NULL AS STRING) AS account_id, CAST(NULL AS STRING) AS model,
         CAST(NULL AS STRING) AS sku, CAST(NULL AS STRING) AS identity_type,
         CAST(NULL AS STRING) AS identity, CAST(NULL AS NUMERIC) AS cost_usd,
         CAST(NULL AS STRING) AS basis
  LIMIT 0
) AS vendors;
