-- BigQuery twin of sql/duckdb/views/50_pipeline_runs.sql (duckdb-sha256: 6b39b6ae7882): same view, columns, meaning.
-- Pipeline health per run × vendor × resource, from the load records (one per chunk loaded or
-- failed). A resource is 'failed' in a run if any of its loads failed; `error` is the last
-- failed load's error. trigger and run_status come from the run record (NULL if none saved).
CREATE OR REPLACE VIEW `{{dataset}}.pipeline_runs` AS
SELECT
  l.run_id                                                        AS run_id,
  l.vendor                                                        AS vendor,
  l.resource                                                      AS resource,
  MIN(l.window_from)                                              AS window_from,
  MAX(l.window_to)                                                AS window_to,
  CAST(COUNT(*) AS INT64)                                        AS loads,
  CAST(SUM(l.pages) AS INT64)                                    AS pages,
  CAST(SUM(l.row_count) AS INT64)                                AS row_count,
  CAST(SUM(l.retries) AS INT64)                                  AS retries,
  CAST(SUM(l.duration_ms) AS INT64)                              AS duration_ms,
  CASE WHEN COUNTIF(l.status = 'failed') > 0
       THEN 'failed' ELSE 'succeeded' END                         AS status,
  -- DuckDB's ARG_MAX … FILTER: the error of the latest failed load (NULL ordering values are
  -- ignored by MAX_BY, so succeeded loads never win).
  CASE WHEN COUNTIF(l.status = 'failed') > 0
       THEN MAX_BY(l.error, IF(l.status = 'failed', l.finished_at, NULL)) END AS error,
  MIN(l.started_at)                                               AS started_at,
  MAX(l.finished_at)                                              AS finished_at,
  ANY_VALUE(r.trigger)                                            AS trigger,
  ANY_VALUE(r.status)                                             AS run_status
FROM `{{dataset}}._ingest_loads` AS l
LEFT JOIN `{{dataset}}._ingest_runs` AS r ON r.run_id = l.run_id
GROUP BY l.run_id, l.vendor, l.resource;
