-- BigQuery twin of sql/duckdb/views/10_usage_daily_github.sql (duckdb-sha256: ed87695b2c9f): same view, columns, meaning.
-- GitHub Copilot's daily usage in the usage_daily shape, per GitHub login (subject_type
-- 'github_login': the reports carry no email; an identity map resolves logins to people):
--   copilot     : per model, from each user's totals_by_model_feature. Copilot reports no tokens
--                 per model, so the token columns are NULL; requests = prompts the user sent
--                 (user_initiated_interaction_count, chat and agent modes) plus the code-completion
--                 suggestions shown (code_generation_activity_count of feature code_completion).
--   copilot_cli : the Copilot CLI per user (no model given): prompt tokens as input_tokens
--                 (GitHub does not split cached input), output tokens, and its request count.
CREATE OR REPLACE VIEW `{{dataset}}.usage_daily_github` AS
SELECT
  m.usage_date                                                        AS usage_date,
  'github'                                                            AS provider,
  'copilot'                                                           AS service,
  m.user_login                                                        AS subject,
  'github_login'                                                      AS subject_type,
  m.owner                                                             AS account_id,
  m.model                                                             AS model,
  CAST(NULL AS INT64)                                                AS input_tokens,
  CAST(NULL AS INT64)                                                AS output_tokens,
  CAST(NULL AS INT64)                                                AS cache_read_tokens,
  CAST(NULL AS INT64)                                                AS cache_write_tokens,
  CAST(SUM(COALESCE(m.user_initiated_interaction_count, 0)
           + CASE WHEN m.feature = 'code_completion'
                  THEN COALESCE(m.code_generation_activity_count, 0) ELSE 0 END) AS INT64)
                                                                      AS requests,
  CAST(NULL AS STRING)                                               AS counted_in
FROM `{{dataset}}.github_copilot_user_models` AS m
GROUP BY m.usage_date, m.user_login, m.owner, m.model
UNION ALL
SELECT
  u.usage_date,
  'github',
  'copilot_cli',
  u.user_login,
  'github_login',
  u.owner,
  CAST(NULL AS STRING),
  u.cli_prompt_tokens,
  u.cli_output_tokens,
  CAST(NULL AS INT64),
  CAST(NULL AS INT64),
  u.cli_request_count,
  CAST(NULL AS STRING)
FROM `{{dataset}}.github_copilot_user_daily` AS u
WHERE u.cli_request_count IS NOT NULL OR u.cli_prompt_tokens IS NOT NULL;
