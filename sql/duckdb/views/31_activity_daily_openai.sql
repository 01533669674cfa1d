-- OpenAI API activity per day × identity: an API key (else the user, for usage without a key)
-- with model requests that day, from the usage endpoints that count them (completions,
-- embeddings, moderations, images, audio). Tool 'openai_api'. Requests are summed over
-- projects and models; the API reports no editor counters (NULL).
CREATE OR REPLACE VIEW activity_daily_openai AS
WITH requests AS (
  SELECT usage_date, user_id, api_key_id, num_model_requests FROM openai_usage_completions
  UNION ALL
  SELECT usage_date, user_id, api_key_id, num_model_requests FROM openai_usage_embeddings
  UNION ALL
  SELECT usage_date, user_id, api_key_id, num_model_requests FROM openai_usage_moderations
  UNION ALL
  SELECT usage_date, user_id, api_key_id, num_model_requests FROM openai_usage_images
  UNION ALL
  SELECT usage_date, user_id, api_key_id, num_model_requests FROM openai_usage_audio_speeches
  UNION ALL
  SELECT usage_date, user_id, api_key_id, num_model_requests
  FROM openai_usage_audio_transcriptions
),
identified AS (
  SELECT r.usage_date, r.num_model_requests,
         CASE WHEN r.api_key_id IS NOT NULL THEN 'api_key' ELSE 'user_id' END AS identity_type,
         COALESCE(r.api_key_id, r.user_id)                                   AS identity
  FROM requests AS r
  WHERE COALESCE(r.api_key_id, r.user_id) IS NOT NULL
)
SELECT
  i.usage_date                                  AS usage_date,
  'openai'                                      AS provider,
  'openai_api'                                  AS tool,
  i.identity_type                               AS identity_type,
  i.identity                                    AS identity,
  TRUE                                          AS is_active,
  CAST(NULL AS BIGINT)                          AS sessions,
  CAST(SUM(i.num_model_requests) AS BIGINT)     AS requests,
  CAST(NULL AS BIGINT)                          AS suggestions_shown,
  CAST(NULL AS BIGINT)                          AS suggestions_accepted,
  CAST(NULL AS BIGINT)                          AS edits_proposed,
  CAST(NULL AS BIGINT)                          AS edits_accepted,
  CAST(NULL AS BIGINT)                          AS lines_added,
  CAST(NULL AS BIGINT)                          AS lines_removed,
  CAST(NULL AS BIGINT)                          AS lines_accepted,
  CAST(NULL AS BIGINT)                          AS commits,
  CAST(NULL AS BIGINT)                          AS pull_requests
FROM identified AS i
GROUP BY i.usage_date, i.identity_type, i.identity
HAVING SUM(i.num_model_requests) > 0;
