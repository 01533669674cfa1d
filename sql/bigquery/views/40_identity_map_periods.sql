-- BigQuery twin of sql/duckdb/views/40_identity_map_periods.sql (duckdb-sha256: 1b606859eb9f): same view, columns, meaning.
-- The organization's identity map (identity_map, loaded by `ai-usage import identity-map` or
-- from the Google Sheet) as validity periods: each entry holds from its valid_from until the
-- next valid_from of the same identity and provider (valid_to, exclusive; 9999-12-31 = open),
-- so a map change re-attributes history from its valid_from only. identity_key is the
-- identity lower-cased and trimmed (how usage is matched); provider NULL = any provider. Rows
-- that differ only by the identity's case collapse into one (the larger email/team wins).
CREATE OR REPLACE VIEW `{{dataset}}.identity_map_periods` AS
WITH entries AS (
  SELECT m.provider                    AS provider,
         LOWER(TRIM(m.identity))       AS identity_key,
         m.valid_from                  AS valid_from,
         MIN(m.identity)               AS identity,
         MAX(LOWER(TRIM(m.email)))     AS email,
         MAX(m.team)                   AS team,
         MAX(m.name)                   AS name
  FROM `{{dataset}}.identity_map` AS m
  GROUP BY m.provider, LOWER(TRIM(m.identity)), m.valid_from
)
SELECT
  e.provider                                                              AS provider,
  e.identity_key                                                          AS identity_key,
  e.identity                                                              AS identity,
  e.email                                                                 AS email,
  e.team                                                                  AS team,
  e.name                                                                  AS name,
  e.valid_from                                                            AS valid_from,
  LEAD(e.valid_from, 1, DATE '9999-12-31')
    OVER (PARTITION BY e.provider, e.identity_key ORDER BY e.valid_from)  AS valid_to
FROM entries AS e;
