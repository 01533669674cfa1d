-- BigQuery twin of sql/duckdb/views/31_vendor_identities_openai.sql (duckdb-sha256: e49e1b7a6a87): same view, columns, meaning.
-- OpenAI identities from the member lists: a user id names its user (alias: the email, so a map
-- entry for the email applies to the id); a project API key names its owner when a user owns
-- it (alias: the key's name — a map entry for 'prod-backend' applies to every key of that
-- name); a service-account key names no one. Projects are listed too (no person; alias: the
-- project's name), so money parked on a project nobody's usage explains can be mapped too.
CREATE OR REPLACE VIEW `{{dataset}}.vendor_identities_openai` AS
SELECT 'openai' AS provider, 'user_id' AS identity_type, u.id AS identity, u.email AS email,
       u.name AS name, CAST(NULL AS STRING) AS team, CAST(u.added_at AS DATE) AS since,
       u.email AS alias
FROM `{{dataset}}.openai_users` AS u
UNION ALL
SELECT 'openai', 'email', u.email, u.email, u.name, CAST(NULL AS STRING),
       CAST(u.added_at AS DATE), CAST(NULL AS STRING)
FROM `{{dataset}}.openai_users` AS u
WHERE u.email IS NOT NULL
UNION ALL
SELECT 'openai', 'api_key', k.id,
       CASE WHEN k.owner_type = 'user' THEN COALESCE(k.owner_user_email, u.email) END,
       CASE WHEN k.owner_type = 'user' THEN COALESCE(u.name, k.owner_name) END,
       CAST(NULL AS STRING), CAST(k.created_at AS DATE), k.name
FROM `{{dataset}}.openai_api_keys` AS k
LEFT JOIN `{{dataset}}.openai_users` AS u ON u.id = k.owner_user_id
UNION ALL
SELECT 'openai', 'project', p.id, CAST(NULL AS STRING), p.name, CAST(NULL AS STRING),
       CAST(p.created_at AS DATE), p.name
FROM `{{dataset}}.openai_projects` AS p;
