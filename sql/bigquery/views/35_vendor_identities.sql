-- BigQuery twin of sql/duckdb/views/35_vendor_identities.sql (duckdb-sha256: cfeb2431526d): same view, columns, meaning.
-- Every vendor's identities and the person (email) each names, from the vendors' member lists.
-- Adding a vendor = its 31_vendor_identities_<vendor>.sql + one UNION ALL line below with the
-- same explicit column list. identity_type names what the identity is: api_key (id),
-- api_key_name, user_id, email, login (GitHub), … — `identities` shows these beside the map.
-- alias: another name of the same identity a map entry may use (a key's name, a user's email).
CREATE OR REPLACE VIEW `{{dataset}}.vendor_identities` AS
SELECT provider, identity_type, identity, email, name, team, since, alias
FROM (
  SELECT provider, identity_type, identity, email, name, team, since, alias
  FROM `{{dataset}}.vendor_identities_anthropic`
  UNION ALL
  SELECT provider, identity_type, identity, email, name, team, since, alias
  FROM `{{dataset}}.vendor_identities_cursor`
  UNION ALL
  SELECT provider, identity_type, identity, email, name, team, since, alias
  FROM `{{dataset}}.vendor_identities_openai`
  UNION ALL
  SELECT provider, identity_type, identity, email, name, team, since, alias
  FROM `{{dataset}}.vendor_identities_github`
) AS vendors
WHERE identity IS NOT NULL;
