-- BigQuery twin of sql/duckdb/views/63_spend_by_team_daily.sql (duckdb-sha256: a6550910410b): same view, columns, meaning.
-- What did each team spend, per day, on which provider and tool (chargeback)? The same spend
-- as spend_by_person_daily, by the team each identity was on that day; 'Unmapped' holds spend
-- no map places in a team. people = distinct known persons with spend that day. Total spend =
-- WHERE source_basis = 'vendor_reported'; it sums back to cost_daily to the nano-dollar.
CREATE OR REPLACE VIEW `{{dataset}}.spend_by_team_daily` AS
SELECT
  a.usage_date                                  AS usage_date,
  COALESCE(r.team, 'Unmapped')                  AS team,
  a.provider                                    AS provider,
  a.service                                     AS service,
  a.tool                                        AS tool,
  CAST(SUM(a.cost_usd) AS NUMERIC)       AS cost_usd,
  a.basis                                       AS basis,
  a.source_basis                                AS source_basis,
  CAST(COUNT(DISTINCT r.email) AS INT64)       AS people
FROM `{{dataset}}.attributed_cost_daily` AS a
LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
  ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
 AND r.usage_date = a.usage_date
GROUP BY a.usage_date, COALESCE(r.team, 'Unmapped'), a.provider, a.service, a.tool, a.basis,
  a.source_basis;
