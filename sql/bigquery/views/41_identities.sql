-- BigQuery twin of sql/duckdb/views/41_identities.sql (duckdb-sha256: 72a5f590aeac): same view, columns, meaning.
-- Every known identity and the person and team it points to, with the period it holds for:
-- identity-map entries (source 'identity_map', per validity period) and what the vendors'
-- member lists say (source 'vendor', always valid). Map entries win over vendor-derived ones
-- for the days they cover (overridden_by_map marks vendor rows a map entry covers at some
-- time). provider NULL on a map entry = any provider. valid_from 0001-01-01 = always,
-- valid_to (exclusive) 9999-12-31 = open. team on a vendor row is its person's current team.
CREATE OR REPLACE VIEW `{{dataset}}.identities` AS
WITH vendor_types AS (
  SELECT provider, LOWER(TRIM(identity)) AS identity_key, MIN(identity_type) AS identity_type
  FROM `{{dataset}}.vendor_identities`
  GROUP BY provider, LOWER(TRIM(identity))
),
current_teams AS (
  SELECT email, team FROM `{{dataset}}.person_team_periods` WHERE valid_to = DATE '9999-12-31'
)
SELECT
  m.provider                                                          AS provider,
  COALESCE(MIN(t.identity_type),
           CASE WHEN m.identity_key LIKE '%@%' THEN 'email' ELSE 'alias' END) AS identity_type,
  m.identity                                                          AS identity,
  m.email                                                             AS email,
  COALESCE(m.team, MAX(c.team))                                       AS team,
  m.name                                                              AS name,
  m.valid_from                                                        AS valid_from,
  m.valid_to                                                          AS valid_to,
  'identity_map'                                                      AS source,
  FALSE                                                               AS overridden_by_map
FROM `{{dataset}}.identity_map_periods` AS m
LEFT JOIN vendor_types AS t
  ON t.identity_key = m.identity_key AND (m.provider IS NULL OR t.provider = m.provider)
LEFT JOIN current_teams AS c ON c.email = m.email
GROUP BY m.provider, m.identity_key, m.identity, m.email, m.team, m.name, m.valid_from, m.valid_to
UNION ALL
SELECT
  v.provider,
  v.identity_type,
  v.identity,
  v.email,
  COALESCE(c.team, v.team),
  v.name,
  DATE '0001-01-01',
  DATE '9999-12-31',
  'vendor',
  EXISTS (
    SELECT 1 FROM `{{dataset}}.identity_map_periods` AS m
    WHERE m.identity_key = LOWER(TRIM(v.identity))
      AND (m.provider IS NULL OR m.provider = v.provider)
  )
FROM `{{dataset}}.vendor_identities` AS v
LEFT JOIN current_teams AS c ON c.email = v.email;
