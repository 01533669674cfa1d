-- BigQuery twin of sql/duckdb/views/63_data_freshness.sql (duckdb-sha256: d2f101665e51): same view, columns, meaning.
-- Is the data fresh and complete? One row per source (vendor × resource, imports and derived
-- steps included): the latest complete day (the resource's cursor — every day up to it is
-- loaded — or, for sources without one, the last day a successful load covered), when it last
-- loaded successfully and in which run, and the last failure if it came after that success.
CREATE OR REPLACE VIEW `{{dataset}}.data_freshness` AS
WITH loads AS (
  SELECT l.vendor, l.resource,
         MAX(CASE WHEN l.status = 'succeeded' THEN l.finished_at END) AS last_success_at,
         MAX(CASE WHEN l.status = 'succeeded' THEN l.window_to END)   AS last_window_to,
         MAX(CASE WHEN l.status = 'failed' THEN l.finished_at END)    AS last_failure_at
  FROM `{{dataset}}._ingest_loads` AS l
  GROUP BY l.vendor, l.resource
),
ranked AS (
  SELECT l.vendor, l.resource, l.run_id, l.status, l.error,
         ROW_NUMBER() OVER (PARTITION BY l.vendor, l.resource, l.status
                            ORDER BY l.finished_at DESC, l.load_id DESC) AS n
  FROM `{{dataset}}._ingest_loads` AS l
)
SELECT
  d.vendor                                                          AS vendor,
  d.resource                                                        AS resource,
  COALESCE(s.cursor_day, d.last_window_to)                          AS latest_complete_day,
  d.last_success_at                                                 AS last_success_at,
  ok.run_id                                                         AS last_success_run_id,
  d.last_failure_at                                                 AS last_failure_at,
  CASE WHEN d.last_failure_at > COALESCE(d.last_success_at, TIMESTAMP '0001-01-01 00:00:00')
       THEN bad.error END                                           AS last_error,
  CASE WHEN d.last_failure_at > COALESCE(d.last_success_at, TIMESTAMP '0001-01-01 00:00:00')
       THEN 'failing' ELSE 'ok' END                                 AS status
FROM loads AS d
LEFT JOIN `{{dataset}}._ingest_state` AS s ON s.vendor = d.vendor AND s.resource = d.resource
LEFT JOIN ranked AS ok
  ON ok.vendor = d.vendor AND ok.resource = d.resource AND ok.status = 'succeeded' AND ok.n = 1
LEFT JOIN ranked AS bad
  ON bad.vendor = d.vendor AND bad.resource = d.resource AND bad.status = 'failed' AND bad.n = 1;
