-- Pipeline bookkeeping: cursors, one record per load (chunk), one record per run.
-- BigQuery dialect of sql/duckdb/migrations/0001_ingest_bookkeeping.sql (same tables, same
-- columns). _ingest_migrations is created by the migrator itself before any migration runs.
-- Keys are declared NOT ENFORCED: BigQuery never checks them; the loader's MERGE keeps them.
-- _ingest_state is a handful of rows rewritten by key: unpartitioned, clustered by its key.
-- _ingest_loads and _ingest_runs are the audit trail: partitioned by DATE(started_at) so
-- "recent runs" reads prune, with NO partition expiration (KBs a day; history is kept), and
-- clustered by what the pipeline_runs view and the status command look up.

CREATE TABLE IF NOT EXISTS `{{dataset}}._ingest_state` (
  vendor        STRING    NOT NULL,
  resource      STRING    NOT NULL,
  cursor_day    DATE,                 -- last day whose data is loaded and committed
  updated_at    TIMESTAMP NOT NULL,
  last_load_id  STRING,
  PRIMARY KEY (vendor, resource) NOT ENFORCED
)
CLUSTER BY vendor, resource;

CREATE TABLE IF NOT EXISTS `{{dataset}}._ingest_loads` (
  load_id      STRING    NOT NULL,
  run_id       STRING    NOT NULL,
  vendor       STRING    NOT NULL,
  resource     STRING    NOT NULL,
  window_from  DATE,
  window_to    DATE,
  pages        INT64     NOT NULL,
  row_count    INT64     NOT NULL,
  retries      INT64     NOT NULL,
  duration_ms  INT64     NOT NULL,
  status       STRING    NOT NULL,    -- succeeded | failed
  error        STRING,
  started_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP NOT NULL,
  PRIMARY KEY (load_id) NOT ENFORCED
)
PARTITION BY DATE(started_at)
CLUSTER BY run_id, vendor, resource
OPTIONS (require_partition_filter = FALSE);

CREATE TABLE IF NOT EXISTS `{{dataset}}._ingest_runs` (
  run_id       STRING    NOT NULL,
  trigger      STRING    NOT NULL,    -- cli | demo | scheduler | api
  started_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP,
  status       STRING    NOT NULL,    -- running | succeeded | partial | failed
  window_from  DATE,
  window_to    DATE,
  summary      STRING,
  PRIMARY KEY (run_id) NOT ENFORCED
)
PARTITION BY DATE(started_at)
CLUSTER BY run_id
OPTIONS (require_partition_filter = FALSE);
