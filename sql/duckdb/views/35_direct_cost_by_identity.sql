-- Vendor money that already names an identity (no split needed): Cursor's cost per member
-- email, OpenAI costs grouped by API key, Copilot premium requests and seats per login.
-- Anthropic has none (its cost report names no key or user: it is allocated instead).
-- Adding a vendor = one UNION ALL line over its 31_direct_cost_by_identity_<vendor> view. A
-- provider's rows here plus its allocated rows must cover its cost_daily of the same basis;
-- a provider-day with neither shows whole as 'Unmapped' (see attributed_cost_daily).
CREATE OR REPLACE VIEW direct_cost_by_identity AS
SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
       cost_usd, basis
FROM (
  SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
         cost_usd, basis
  FROM direct_cost_by_identity_cursor
  UNION ALL
  SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
         cost_usd, basis
  FROM direct_cost_by_identity_openai
  UNION ALL
  SELECT usage_date, provider, service, tool, account_id, model, sku, identity_type, identity,
         cost_usd, basis
  FROM direct_cost_by_identity_github
) AS vendors;
