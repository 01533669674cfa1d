-- Who used each keyless OpenAI cost line, at three levels (35_allocation_weights keeps the
-- lowest level with a positive weight per line). Identities: the API key, else the user (usage
-- without a key). Project joins are null-safe.
--   1 request_share: requests of the line's own endpoint (and model, when the line has one) in
--     the same project that day; vector storage by file search calls (what reads the stores);
--   2 request_share: all model requests in the project that day (code interpreter sessions,
--     which the API does not report per key, land here);
--   3 cost_share: the keys' own cost in the project that day (a project with cost but no
--     usage rows).
-- A line with no positive weight stays whole on its project (unattributed, shown Unmapped).
CREATE OR REPLACE VIEW allocation_weights_openai AS
WITH lines AS (
  SELECT c.usage_date, c.line_key, c.project_id, c.model,
         CASE WHEN c.service = 'vector_stores' THEN 'file_search_calls' ELSE c.service END
           AS usage_service
  FROM openai_costs AS c
  WHERE c.api_key_id IS NULL
),
requests AS (
  SELECT usage_date, 'completions' AS service, project_id, user_id, api_key_id, model,
         num_model_requests AS requests
  FROM openai_usage_completions
  UNION ALL
  SELECT usage_date, 'embeddings', project_id, user_id, api_key_id, model, num_model_requests
  FROM openai_usage_embeddings
  UNION ALL
  SELECT usage_date, 'moderations', project_id, user_id, api_key_id, model, num_model_requests
  FROM openai_usage_moderations
  UNION ALL
  SELECT usage_date, 'images', project_id, user_id, api_key_id, model, num_model_requests
  FROM openai_usage_images
  UNION ALL
  SELECT usage_date, 'audio_speeches', project_id, user_id, api_key_id, model,
         num_model_requests
  FROM openai_usage_audio_speeches
  UNION ALL
  SELECT usage_date, 'audio_transcriptions', project_id, user_id, api_key_id, model,
         num_model_requests
  FROM openai_usage_audio_transcriptions
  UNION ALL
  SELECT usage_date, 'file_search_calls', project_id, user_id, api_key_id,
         CAST(NULL AS VARCHAR), num_requests
  FROM openai_usage_file_search_calls
  UNION ALL
  SELECT usage_date, 'web_search_calls', project_id, user_id, api_key_id, model, num_requests
  FROM openai_usage_web_search_calls
),
usage AS (
  SELECT r.usage_date, r.service, r.project_id, r.model, r.requests,
         CASE WHEN r.service IN ('file_search_calls', 'web_search_calls') THEN 0 ELSE 1 END
           AS is_model_request,
         CASE WHEN r.api_key_id IS NOT NULL THEN 'api_key' ELSE 'user_id' END AS identity_type,
         COALESCE(r.api_key_id, r.user_id)                                   AS identity
  FROM requests AS r
  WHERE COALESCE(r.api_key_id, r.user_id) IS NOT NULL
),
key_costs AS (
  SELECT c.usage_date, c.project_id, c.api_key_id, SUM(c.amount_usd) AS cost_usd
  FROM openai_costs AS c
  WHERE c.api_key_id IS NOT NULL
  GROUP BY c.usage_date, c.project_id, c.api_key_id
)
SELECT l.usage_date AS usage_date, 'openai' AS provider, l.line_key AS line_id,
       u.identity_type AS identity_type, u.identity AS identity, 'request_share' AS method,
       1 AS priority, CAST(u.requests AS DECIMAL(38, 9)) AS weight
FROM lines AS l
JOIN usage AS u
  ON u.usage_date = l.usage_date AND u.project_id IS NOT DISTINCT FROM l.project_id
 AND u.service = l.usage_service AND (l.model IS NULL OR u.model = l.model)
UNION ALL
SELECT l.usage_date, 'openai', l.line_key, u.identity_type, u.identity, 'request_share', 2,
       CAST(u.requests AS DECIMAL(38, 9))
FROM lines AS l
JOIN usage AS u
  ON u.usage_date = l.usage_date AND u.project_id IS NOT DISTINCT FROM l.project_id
 AND u.is_model_request = 1
UNION ALL
SELECT l.usage_date, 'openai', l.line_key, 'api_key', k.api_key_id, 'cost_share', 3,
       CAST(k.cost_usd AS DECIMAL(38, 9))
FROM lines AS l
JOIN key_costs AS k
  ON k.usage_date = l.usage_date AND k.project_id IS NOT DISTINCT FROM l.project_id;
