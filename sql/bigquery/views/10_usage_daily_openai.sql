-- BigQuery twin of sql/duckdb/views/10_usage_daily_openai.sql (duckdb-sha256: 0d103287af02): same view, columns, meaning.
-- OpenAI's daily usage in the usage_daily shape, from the usage endpoints that count model
-- requests: completions, embeddings, moderations, images, audio speeches and transcriptions
-- (service = the endpoint). Tool calls, code interpreter sessions and vector storage stay in
-- their openai_usage_* tables: they are not model requests.
-- Completions input_tokens INCLUDE cached tokens (and cache writes where reported), so here
-- input_tokens = input_tokens - input_cached_tokens - cache writes (UNCACHED input) and
-- cache_read_tokens = input_cached_tokens: input + cache_read + cache_write is the whole prompt.
-- No double counting across subject types: each loaded row is one finest-grain slice (grouped
-- by every dimension at once) and gets exactly ONE subject — its API key when it has one
-- (keys map to owners through openai_api_keys), else its user's email, else its user id, else
-- 'unattributed'. Images and audio have no tokens (NULL); embeddings and moderations have no
-- output or cache tokens (0).
CREATE OR REPLACE VIEW `{{dataset}}.usage_daily_openai` AS
SELECT
  s.usage_date                                  AS usage_date,
  'openai'                                      AS provider,
  s.service                                     AS service,
  s.subject                                     AS subject,
  s.subject_type                                AS subject_type,
  s.project_id                                  AS account_id,
  s.model                                       AS model,
  CAST(SUM(s.input_tokens) AS INT64)           AS input_tokens,
  CAST(SUM(s.output_tokens) AS INT64)          AS output_tokens,
  CAST(SUM(s.cache_read_tokens) AS INT64)      AS cache_read_tokens,
  CAST(SUM(s.cache_write_tokens) AS INT64)     AS cache_write_tokens,
  CAST(SUM(s.requests) AS INT64)               AS requests,
  CAST(NULL AS STRING)                         AS counted_in
FROM (
  SELECT
    r.*,
    COALESCE(r.api_key_id, u.email, r.user_id, 'unattributed') AS subject,
    CASE WHEN r.api_key_id IS NOT NULL THEN 'api_key'
         WHEN u.email IS NOT NULL THEN 'person'
         WHEN r.user_id IS NOT NULL THEN 'user_id'
         ELSE 'unattributed' END                               AS subject_type
  FROM (
    SELECT usage_date, 'completions' AS service, project_id, user_id, api_key_id, model,
           input_tokens - input_cached_tokens - COALESCE(input_cache_write_tokens, 0)
                                                 AS input_tokens,
           output_tokens                         AS output_tokens,
           input_cached_tokens                   AS cache_read_tokens,
           COALESCE(input_cache_write_tokens, 0) AS cache_write_tokens,
           num_model_requests                    AS requests
    FROM `{{dataset}}.openai_usage_completions`
    UNION ALL
    SELECT usage_date, 'embeddings', project_id, user_id, api_key_id, model, input_tokens,
           0, 0, 0, num_model_requests
    FROM `{{dataset}}.openai_usage_embeddings`
    UNION ALL
    SELECT usage_date, 'moderations', project_id, user_id, api_key_id, model, input_tokens,
           0, 0, 0, num_model_requests
    FROM `{{dataset}}.openai_usage_moderations`
    UNION ALL
    SELECT usage_date, 'images', project_id, user_id, api_key_id, model, CAST(NULL AS INT64),
           CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64), num_model_requests
    FROM `{{dataset}}.openai_usage_images`
    UNION ALL
    SELECT usage_date, 'audio_speeches', project_id, user_id, api_key_id, model,
           CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64),
           num_model_requests
    FROM `{{dataset}}.openai_usage_audio_speeches`
    UNION ALL
    SELECT usage_date, 'audio_transcriptions', project_id, user_id, api_key_id, model,
           CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64), CAST(NULL AS INT64),
           num_model_requests
    FROM `{{dataset}}.openai_usage_audio_transcriptions`
  ) AS r
  LEFT JOIN `{{dataset}}.openai_users` AS u ON u.id = r.user_id
) AS s
GROUP BY s.usage_date, s.service, s.subject, s.subject_type, s.project_id, s.model;
