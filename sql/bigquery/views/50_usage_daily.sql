-- BigQuery twin of sql/duckdb/views/50_usage_daily.sql (duckdb-sha256: 516998a5e5ff): same view, columns, meaning.
-- Daily token usage across vendors and tools. Adding a vendor = its 10_usage_daily_<vendor>
-- file + one `UNION ALL BY NAME SELECT * FROM usage_daily_<vendor>` line. Rows whose
-- counted_in is not NULL are already counted under that provider/service: filter them out
-- (counted_in IS NULL) when totalling tokens across services.
CREATE OR REPLACE VIEW `{{dataset}}.usage_daily` AS
SELECT usage_date, provider, service, subject, subject_type, account_id, model, input_tokens,
       output_tokens, cache_read_tokens, cache_write_tokens, requests, counted_in
FROM (
  SELECT * FROM `{{dataset}}.usage_daily_anthropic`
  UNION ALL SELECT usage_date, provider, service, subject, subject_type, account_id, model,
    input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, requests, counted_in
  FROM `{{dataset}}.usage_daily_cursor`
  UNION ALL SELECT usage_date, provider, service, subject, subject_type, account_id, model,
    input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, requests, counted_in
  FROM `{{dataset}}.usage_daily_openai`
  UNION ALL SELECT usage_date, provider, service, subject, subject_type, account_id, model,
    input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, requests, counted_in
  FROM `{{dataset}}.usage_daily_github`
) AS vendors;
