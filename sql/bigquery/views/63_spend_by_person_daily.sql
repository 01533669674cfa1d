-- BigQuery twin of sql/duckdb/views/63_spend_by_person_daily.sql (duckdb-sha256: 82297de8cfd4): same view, columns, meaning.
-- What did each person spend, per day, on which provider, tool and model? Spend at identity
-- grain (attributed_cost_daily) resolved to the person and team the identity was on that day.
-- person is the lower-case email, or 'Unmapped' when no person is known (team may still be
-- known from an identity's own map entry). basis is the row's basis (Anthropic: 'allocated',
-- split from the vendor-reported total by usage share); source_basis the vendor money it came
-- from: total spend = WHERE source_basis = 'vendor_reported', which sums back to cost_daily.
CREATE OR REPLACE VIEW `{{dataset}}.spend_by_person_daily` AS
SELECT
  a.usage_date                                  AS usage_date,
  COALESCE(r.email, 'Unmapped')                 AS person,
  COALESCE(r.team, 'Unmapped')                  AS team,
  a.provider                                    AS provider,
  a.service                                     AS service,
  a.tool                                        AS tool,
  a.model                                       AS model,
  CAST(SUM(a.cost_usd) AS NUMERIC)       AS cost_usd,
  a.basis                                       AS basis,
  a.source_basis                                AS source_basis
FROM `{{dataset}}.attributed_cost_daily` AS a
LEFT JOIN `{{dataset}}.identity_resolution_daily` AS r
  ON r.provider = a.provider AND r.identity_key = LOWER(TRIM(a.identity))
 AND r.usage_date = a.usage_date
GROUP BY a.usage_date, COALESCE(r.email, 'Unmapped'), COALESCE(r.team, 'Unmapped'), a.provider,
  a.service, a.tool, a.model, a.basis, a.source_basis;
