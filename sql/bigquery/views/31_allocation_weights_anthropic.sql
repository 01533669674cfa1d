-- BigQuery twin of sql/duckdb/views/31_allocation_weights_anthropic.sql (duckdb-sha256: 5ea678cdc47b): same view, columns, meaning.
-- Who used each Anthropic cost line, as integer-valued weights at four levels; the pipeline
-- takes, per line, the lowest level with any positive weight (35_allocation_weights) and
-- splits exactly in TypeScript. Joins on workspace, model, tier and context window are
-- null-safe: a NULL workspace_id is the Default workspace, not "no workspace".
--   1 claude_code_share: lines of the Claude Code workspace, by each Claude Code actor's
--     estimated_cost (API customers; the estimate is a weight only, never spend) for the same
--     day and model (any model for non-token lines);
--   2 token_share: API keys' tokens of the line's token type (uncached input, output, cache
--     read, 5m/1h cache write) in the same workspace, model, tier and context window; web
--     search lines by web search requests; other non-token lines by all tokens;
--   3 token_share: as 2 from usage of another tier or context window (used only when the
--     line's own tier has no positive weight, so it is "any tier");
--   4 token_share: all tokens of the workspace that day (non-token lines, and token lines of a
--     model the workspace shows no usage of that day).
-- A line with no positive weight at any level is parked whole on its workspace (unattributed).
CREATE OR REPLACE VIEW `{{dataset}}.allocation_weights_anthropic` AS
WITH lines AS (
  SELECT c.usage_date, c.line_key, c.workspace_id, c.model, c.token_type, c.cost_type,
         c.service_tier, c.context_window, COALESCE(t.tool, 'claude_api') AS tool
  FROM `{{dataset}}.anthropic_cost_report` AS c
  LEFT JOIN `{{dataset}}.anthropic_workspace_tools` AS t ON t.workspace_id = c.workspace_id
),
usage AS (
  SELECT u.usage_date, u.workspace_id, u.model, u.service_tier, u.context_window,
         CASE WHEN u.api_key_id IS NULL THEN 'console' ELSE 'api_key' END AS identity_type,
         COALESCE(u.api_key_id, 'console')                                AS identity,
         u.uncached_input_tokens AS t_input, u.output_tokens AS t_output,
         u.cache_read_input_tokens AS t_read, u.cache_creation_5m_input_tokens AS t_write_5m,
         u.cache_creation_1h_input_tokens AS t_write_1h, u.web_search_requests AS t_search,
         u.uncached_input_tokens + u.output_tokens + u.cache_read_input_tokens
           + u.cache_creation_5m_input_tokens + u.cache_creation_1h_input_tokens AS t_all
  FROM `{{dataset}}.anthropic_messages_usage` AS u
),
code AS (
  SELECT m.usage_date, m.model,
         CASE WHEN c.actor_type = 'user_actor' THEN 'email' ELSE 'api_key_name' END AS identity_type,
         COALESCE(c.actor_email, c.actor_api_key_name, 'unknown')                  AS identity,
         SUM(m.estimated_cost_usd)                                                 AS estimate
  FROM `{{dataset}}.anthropic_claude_code_models` AS m
  JOIN `{{dataset}}.anthropic_claude_code` AS c ON c.usage_date = m.usage_date AND c.line_key = m.line_key
  WHERE COALESCE(c.customer_type, 'api') = 'api'
  GROUP BY m.usage_date, m.model, c.actor_type, c.actor_email, c.actor_api_key_name
),
shares AS (
  SELECT l.usage_date, l.line_key, u.identity_type, u.identity, u.service_tier, u.context_window,
         l.service_tier AS line_tier, l.context_window AS line_window,
         CASE WHEN l.token_type IS NULL AND l.cost_type = 'web_search' THEN u.t_search
              WHEN l.token_type IS NULL THEN u.t_all
              WHEN l.token_type = 'uncached_input_tokens' THEN u.t_input
              WHEN l.token_type = 'output_tokens' THEN u.t_output
              WHEN l.token_type = 'cache_read_input_tokens' THEN u.t_read
              WHEN l.token_type = 'cache_creation.ephemeral_5m_input_tokens' THEN u.t_write_5m
              WHEN l.token_type = 'cache_creation.ephemeral_1h_input_tokens' THEN u.t_write_1h
              ELSE u.t_all END AS tokens
  FROM lines AS l
  JOIN usage AS u
    ON u.usage_date = l.usage_date
   AND u.workspace_id IS NOT DISTINCT FROM l.workspace_id
   AND (l.model IS NULL OR u.model = l.model)
)
SELECT l.usage_date AS usage_date, 'anthropic' AS provider, l.line_key AS line_id,
       k.identity_type AS identity_type, k.identity AS identity,
       'claude_code_share' AS method, 1 AS priority, CAST(k.estimate AS NUMERIC) AS weight
FROM lines AS l
JOIN code AS k ON k.usage_date = l.usage_date AND (l.model IS NULL OR k.model = l.model)
WHERE l.tool = 'claude_code'
UNION ALL
SELECT s.usage_date, 'anthropic', s.line_key, s.identity_type, s.identity, 'token_share',
       CASE WHEN s.service_tier IS NOT DISTINCT FROM s.line_tier
             AND s.context_window IS NOT DISTINCT FROM s.line_window THEN 2 ELSE 3 END,
       CAST(s.tokens AS NUMERIC)
FROM shares AS s
UNION ALL
SELECT l.usage_date, 'anthropic', l.line_key, u.identity_type, u.identity, 'token_share', 4,
       CAST(u.t_all AS NUMERIC)
FROM lines AS l
JOIN usage AS u
  ON u.usage_date = l.usage_date AND u.workspace_id IS NOT DISTINCT FROM l.workspace_id
WHERE l.model IS NULL
   OR NOT EXISTS (SELECT 1 FROM usage AS m
                  WHERE m.usage_date = l.usage_date AND m.model = l.model
                    AND m.workspace_id IS NOT DISTINCT FROM l.workspace_id);
