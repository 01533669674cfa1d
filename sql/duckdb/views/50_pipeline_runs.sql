-- Pipeline health per run × vendor × resource, from the load records (one per chunk loaded or
-- failed). A resource is 'failed' in a run if any of its loads failed; `error` is the last
-- failed load's error. trigger and run_status come from the run record (NULL if none saved).
CREATE OR REPLACE VIEW pipeline_runs AS
SELECT
  l.run_id                                                        AS run_id,
  l.vendor                                                        AS vendor,
  l.resource                                                      AS resource,
  MIN(l.window_from)                                              AS window_from,
  MAX(l.window_to)                                                AS window_to,
  CAST(COUNT(*) AS BIGINT)                                        AS loads,
  CAST(SUM(l.pages) AS BIGINT)                                    AS pages,
  CAST(SUM(l.row_count) AS BIGINT)                                AS row_count,
  CAST(SUM(l.retries) AS BIGINT)                                  AS retries,
  CAST(SUM(l.duration_ms) AS BIGINT)                              AS duration_ms,
  CASE WHEN COUNT(*) FILTER (WHERE l.status = 'failed') > 0
       THEN 'failed' ELSE 'succeeded' END                         AS status,
  ARG_MAX(l.error, l.finished_at) FILTER (WHERE l.status = 'failed') AS error,
  MIN(l.started_at)                                               AS started_at,
  MAX(l.finished_at)                                              AS finished_at,
  ANY_VALUE(r.trigger)                                            AS trigger,
  ANY_VALUE(r.status)                                             AS run_status
FROM _ingest_loads AS l
LEFT JOIN _ingest_runs AS r ON r.run_id = l.run_id
GROUP BY l.run_id, l.vendor, l.resource;
