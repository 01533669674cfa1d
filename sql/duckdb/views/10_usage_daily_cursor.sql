-- Cursor's daily usage in the usage_daily shape, per person per model, from the usage events:
-- requests = events (every kind, errored and free ones included); tokens from the events'
-- tokenUsage (input_tokens is uncached input; cache reads and writes have their own columns),
-- NULL where the day's events were all request-based. Editor counters (tabs, lines, applies)
-- do not fit these columns: they are in cursor_activity_daily.
CREATE OR REPLACE VIEW usage_daily_cursor AS
SELECT
  e.usage_date                                  AS usage_date,
  'cursor'                                      AS provider,
  'cursor'                                      AS service,
  e.user_email                                  AS subject,
  'person'                                      AS subject_type,
  CAST(NULL AS VARCHAR)                         AS account_id,
  e.model                                       AS model,
  CAST(SUM(e.input_tokens) AS BIGINT)           AS input_tokens,
  CAST(SUM(e.output_tokens) AS BIGINT)          AS output_tokens,
  CAST(SUM(e.cache_read_tokens) AS BIGINT)      AS cache_read_tokens,
  CAST(SUM(e.cache_write_tokens) AS BIGINT)     AS cache_write_tokens,
  CAST(COUNT(*) AS BIGINT)                      AS requests,
  CAST(NULL AS VARCHAR)                         AS counted_in
FROM cursor_usage_events AS e
GROUP BY e.usage_date, e.user_email, e.model;
