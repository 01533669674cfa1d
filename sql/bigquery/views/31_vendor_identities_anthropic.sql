-- BigQuery twin of sql/duckdb/views/31_vendor_identities_anthropic.sql (duckdb-sha256: 5a354445e55e): same view, columns, meaning.
-- Anthropic identities and the person each names, from the member lists (identity extension
-- point: one 31_vendor_identities_<vendor>.sql per vendor, unioned in 35_vendor_identities).
-- An API key belongs to its principal when that is a user; a key whose principal is a service
-- account belongs to no one (its creator, usually an admin, did not spend it); a legacy key
-- with no principal falls back to its creator. A key NAME names a person only when every key
-- of that name does (names are not unique; Claude Code's api_actor rows carry only the name).
-- alias: another name the same identity goes by, which an identity-map entry may use instead
-- (a key id's name, a user id's email): a map entry for 'etl-service' applies to its key ids.
CREATE OR REPLACE VIEW `{{dataset}}.vendor_identities_anthropic` AS
WITH keys AS (
  SELECT
    k.id,
    k.name,
    CAST(k.created_at AS DATE)                                             AS since,
    CASE WHEN k.principal_type = 'user' THEN k.principal_id
         WHEN k.principal_type IS NULL AND k.created_by_type = 'user' THEN k.created_by_id
    END                                                                    AS user_id
  FROM `{{dataset}}.anthropic_api_keys` AS k
),
owned AS (
  SELECT k.id, k.name, k.since, u.email, u.name AS person_name
  FROM keys AS k
  LEFT JOIN `{{dataset}}.anthropic_users` AS u ON u.id = k.user_id
)
SELECT 'anthropic' AS provider, 'user_id' AS identity_type, u.id AS identity, u.email AS email,
       u.name AS name, CAST(NULL AS STRING) AS team, CAST(u.added_at AS DATE) AS since,
       u.email AS alias
FROM `{{dataset}}.anthropic_users` AS u
UNION ALL
SELECT 'anthropic', 'email', u.email, u.email, u.name, CAST(NULL AS STRING),
       CAST(u.added_at AS DATE), CAST(NULL AS STRING)
FROM `{{dataset}}.anthropic_users` AS u
WHERE u.email IS NOT NULL
UNION ALL
SELECT 'anthropic', 'api_key', o.id, o.email, o.person_name, CAST(NULL AS STRING), o.since,
       o.name
FROM owned AS o
UNION ALL
SELECT 'anthropic', 'api_key_name', o.name,
       CASE WHEN COUNT(DISTINCT COALESCE(o.email, '')) = 1 THEN MAX(o.email) END,
       CASE WHEN COUNT(DISTINCT COALESCE(o.email, '')) = 1 THEN MAX(o.person_name) END,
       CAST(NULL AS STRING), MIN(o.since), CAST(NULL AS STRING)
FROM owned AS o
WHERE o.name IS NOT NULL
GROUP BY o.name;
