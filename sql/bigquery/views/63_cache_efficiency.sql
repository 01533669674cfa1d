-- BigQuery twin of sql/duckdb/views/63_cache_efficiency.sql (duckdb-sha256: 4b79e2de010d): same view, columns, meaning.
-- How much of the prompt came from the cache, per day, provider and model? From usage_daily's
-- primary rows only (counted_in IS NULL, so Claude Code tokens already in the API's are not
-- counted twice). cache_read_share = cache reads ÷ all input (uncached + cache read + cache
-- write); NULL when there was no input. A ratio of token counts, not money.
CREATE OR REPLACE VIEW `{{dataset}}.cache_efficiency` AS
SELECT
  u.usage_date                                                       AS usage_date,
  u.provider                                                         AS provider,
  u.model                                                            AS model,
  CAST(SUM(u.input_tokens) AS INT64)                                AS input_tokens,
  CAST(SUM(u.cache_read_tokens) AS INT64)                           AS cache_read_tokens,
  CAST(SUM(u.cache_write_tokens) AS INT64)                          AS cache_write_tokens,
  CAST(SUM(u.input_tokens + u.cache_read_tokens + u.cache_write_tokens) AS INT64)
                                                                     AS total_input_tokens,
  ROUND(SUM(u.cache_read_tokens)
        / NULLIF(SUM(u.input_tokens + u.cache_read_tokens + u.cache_write_tokens), 0), 6)
                                                                     AS cache_read_share
FROM `{{dataset}}.usage_daily` AS u
WHERE u.counted_in IS NULL
GROUP BY u.usage_date, u.provider, u.model;
