-- BigQuery twin of sql/duckdb/views/10_usage_daily_cursor.sql (duckdb-sha256: 7bc795731597): same view, columns, meaning.
-- Cursor's daily usage in the usage_daily shape, per person per model, from the usage events:
-- requests = events (every kind, errored and free ones included); tokens from the events'
-- tokenUsage (input_tokens is uncached input; cache reads and writes have their own columns),
-- NULL where the day's events were all request-based. Editor counters (tabs, lines, applies)
-- do not fit these columns: they are in cursor_activity_daily.
CREATE OR REPLACE VIEW `{{dataset}}.usage_daily_cursor` AS
SELECT
  e.usage_date                                  AS usage_date,
  'cursor'                                      AS provider,
  'cursor'                                      AS service,
  e.user_email                                  AS subject,
  'person'                                      AS subject_type,
  CAST(NULL AS STRING)                         AS account_id,
  e.model                                       AS model,
  CAST(SUM(e.input_tokens) AS INT64)           AS input_tokens,
  CAST(SUM(e.output_tokens) AS INT64)          AS output_tokens,
  CAST(SUM(e.cache_read_tokens) AS INT64)      AS cache_read_tokens,
  CAST(SUM(e.cache_write_tokens) AS INT64)     AS cache_write_tokens,
  CAST(COUNT(*) AS INT64)                      AS requests,
  CAST(NULL AS STRING)                         AS counted_in
FROM `{{dataset}}.cursor_usage_events` AS e
GROUP BY e.usage_date, e.user_email, e.model;
