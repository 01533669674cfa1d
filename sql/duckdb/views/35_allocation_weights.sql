-- The weights each line is split by: per line, only the lowest `priority` level that has any
-- positive weight (vendors offer finer levels first and coarser fallbacks after), summed per
-- identity. Weights are non-negative DECIMALs holding whole numbers (tokens, or nano-dollars
-- of an estimate's dollars × 1e9 when read); the split itself is exact, in TypeScript.
-- Adding a vendor = its 31_allocation_weights_<vendor>.sql + one UNION ALL line.
CREATE OR REPLACE VIEW allocation_weights AS
WITH vendors AS (
  SELECT usage_date, provider, line_id, identity_type, identity, method, priority, weight
  FROM allocation_weights_anthropic
  UNION ALL
  SELECT usage_date, provider, line_id, identity_type, identity, method, priority, weight
  FROM allocation_weights_openai
),
positive AS (
  SELECT usage_date, provider, line_id, identity_type, identity, method, priority, weight
  FROM vendors
  WHERE weight > 0
),
best AS (
  SELECT usage_date, provider, line_id, MIN(priority) AS priority
  FROM positive
  GROUP BY usage_date, provider, line_id
)
SELECT p.usage_date AS usage_date, p.provider AS provider, p.line_id AS line_id,
       p.identity_type AS identity_type, p.identity AS identity, p.method AS method,
       CAST(SUM(p.weight) AS DECIMAL(38, 9)) AS weight
FROM positive AS p
JOIN best AS b
  ON b.usage_date = p.usage_date AND b.provider = p.provider AND b.line_id = p.line_id
 AND b.priority = p.priority
GROUP BY p.usage_date, p.provider, p.line_id, p.identity_type, p.identity, p.method;
