-- Pipeline bookkeeping: cursors, one record per load (chunk), one record per run.
-- _ingest_migrations is created by the migrator itself before any migration runs.

CREATE TABLE _ingest_state (
  vendor        VARCHAR   NOT NULL,
  resource      VARCHAR   NOT NULL,
  cursor_day    DATE,                 -- last day whose data is loaded and committed
  updated_at    TIMESTAMP NOT NULL,
  last_load_id  VARCHAR,
  PRIMARY KEY (vendor, resource)
);

CREATE TABLE _ingest_loads (
  load_id      VARCHAR   NOT NULL PRIMARY KEY,
  run_id       VARCHAR   NOT NULL,
  vendor       VARCHAR   NOT NULL,
  resource     VARCHAR   NOT NULL,
  window_from  DATE,
  window_to    DATE,
  pages        INTEGER   NOT NULL,
  row_count    BIGINT    NOT NULL,
  retries      INTEGER   NOT NULL,
  duration_ms  BIGINT    NOT NULL,
  status       VARCHAR   NOT NULL,    -- succeeded | failed
  error        VARCHAR,
  started_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP NOT NULL
);

CREATE TABLE _ingest_runs (
  run_id       VARCHAR   NOT NULL PRIMARY KEY,
  trigger      VARCHAR   NOT NULL,    -- cli | demo | scheduler | api
  started_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP,
  status       VARCHAR   NOT NULL,    -- running | succeeded | partial | failed
  window_from  DATE,
  window_to    DATE,
  summary      VARCHAR
);
