-- Cursor Admin API tables. BigQuery dialect of sql/duckdb/migrations/0003_cursor.sql: same
-- tables and columns. People are keyed by lower-case email; money is NUMERIC (exactly
-- DECIMAL(38,9)) dollars converted exactly from the API's cents, the API's text beside it.
-- Cursor serves a rolling recent window only: every table is merged on its key (NOT ENFORCED;
-- the loader's MERGE keeps rows unique) and never trimmed by a later, narrower read.
--
-- Activity tables (daily usage, usage events, seat prices) are PARTITION BY the UTC activity
-- day with the configured retention as partition expiration. The snapshot tables (members,
-- spend) are partitioned by capture day with NO expiration: they are the membership and
-- cycle-spend history that cannot be fetched again (first/last-seen dates, seat days and spend
-- delta baselines derive from them), and they are a few rows per member per run.

-- One row per member per capture day: first/last-seen dates are derived (view cursor_members)
-- from these snapshots, which a merge can never overwrite across days.
CREATE TABLE IF NOT EXISTS `{{dataset}}.cursor_member_snapshots` (
  captured_date  DATE      NOT NULL,            -- UTC day of the run that listed the member
  user_email     STRING    NOT NULL,            -- lower-cased
  captured_at    TIMESTAMP NOT NULL,
  user_id        STRING,                        -- 'user_…' or a number, as text
  name           STRING,
  role           STRING,                        -- owner | member | free-owner
  is_removed     BOOL      NOT NULL,
  raw_json       JSON      NOT NULL,
  _load_id       STRING    NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (captured_date, user_email) NOT ENFORCED
)
PARTITION BY captured_date
CLUSTER BY user_email
OPTIONS (
  require_partition_filter = FALSE
);

-- Dense: one row per seat per day, active or not (is_active decides activity). Keyed by the
-- API's `day`; `date_epoch_ms` keeps the request's time of day and is never a key.
CREATE TABLE IF NOT EXISTS `{{dataset}}.cursor_daily_usage` (
  usage_date                  DATE      NOT NULL,
  user_email                  STRING    NOT NULL,
  user_id                     STRING,
  is_active                   BOOL      NOT NULL,
  date_epoch_ms               INT64,
  total_lines_added           INT64,
  total_lines_deleted         INT64,
  accepted_lines_added        INT64,
  accepted_lines_deleted      INT64,
  total_applies               INT64,
  total_accepts               INT64,
  total_rejects               INT64,
  total_tabs_shown            INT64,
  total_tabs_accepted         INT64,
  composer_requests           INT64,
  chat_requests               INT64,
  agent_requests              INT64,
  cmdk_usages                 INT64,
  bugbot_usages               INT64,
  subscription_included_reqs  INT64,            -- raw event counts, not billable request units
  usage_based_reqs            INT64,
  api_key_reqs                INT64,
  most_used_model             STRING,           -- NULL where the API sent ""
  apply_most_used_extension   STRING,
  tab_most_used_extension     STRING,
  client_version              STRING,
  raw_json                    JSON      NOT NULL,
  _load_id                    STRING    NOT NULL,
  _loaded_at                  TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, user_email) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY user_email, is_active
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- The current billing cycle's cumulative spend per person, one snapshot per run. Never summed:
-- cursor_spend_deltas derives per-snapshot deltas (a new cycle starts from zero).
CREATE TABLE IF NOT EXISTS `{{dataset}}.cursor_spend_snapshots` (
  captured_at              TIMESTAMP     NOT NULL,
  user_email               STRING        NOT NULL,
  captured_date            DATE          NOT NULL,
  cycle_start              TIMESTAMP     NOT NULL,  -- subscriptionCycleStart
  user_id                  STRING,
  name                     STRING,
  role                     STRING,
  spend_cents              STRING        NOT NULL,  -- as sent: on-demand only (current docs)
  overall_spend_cents      STRING,              -- on-demand + included
  included_spend_cents     STRING,              -- older field; NULL when not sent
  spend_usd                NUMERIC       NOT NULL,
  overall_spend_usd        NUMERIC,
  included_spend_usd       NUMERIC,
  fast_premium_requests    INT64,
  hard_limit_override_usd  NUMERIC,             -- 0 = no override
  monthly_limit_usd        NUMERIC,
  raw_json                 JSON          NOT NULL,
  _load_id                 STRING        NOT NULL,
  _loaded_at               TIMESTAMP     NOT NULL,
  PRIMARY KEY (captured_at, user_email) NOT ENFORCED
)
PARTITION BY captured_date
CLUSTER BY user_email
OPTIONS (
  require_partition_filter = FALSE
);

-- One row per usage event. No vendor id exists: the key is (timestamp, person, occurrence),
-- occurrence being the event's rank among same-millisecond events of that person in one read,
-- ordered by content (src/sources/cursor/event-keys.ts explains why that is stable).
CREATE TABLE IF NOT EXISTS `{{dataset}}.cursor_usage_events` (
  usage_date            DATE          NOT NULL,  -- UTC day of the timestamp
  user_email            STRING        NOT NULL,
  event_ms              INT64         NOT NULL,  -- timestamp, epoch ms
  occurrence            INT64         NOT NULL,
  event_ts              TIMESTAMP     NOT NULL,
  model                 STRING,
  kind                  STRING,                 -- Usage-based | Included in Business | …
  is_chargeable         BOOL          NOT NULL,  -- on-demand: counts in spendCents
  max_mode              BOOL,
  is_token_based_call   BOOL,
  is_headless           BOOL,
  is_free_bugbot        BOOL,
  requests_costs        NUMERIC,                -- request units (not money)
  input_tokens          INT64,
  output_tokens         INT64,
  cache_write_tokens    INT64,
  cache_read_tokens     INT64,
  discount_percent_off  NUMERIC,
  model_cost_cents      STRING,                 -- tokenUsage.totalCents as sent
  model_cost_usd        NUMERIC,
  token_fee_cents       STRING,                 -- cursorTokenFee as sent
  token_fee_usd         NUMERIC,
  charged_cents         STRING        NOT NULL,  -- chargedCents as sent
  charged_usd           NUMERIC       NOT NULL,  -- model cost + token fee, exact
  raw_json              JSON          NOT NULL,
  _load_id              STRING        NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, user_email, event_ms, occurrence) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY user_email, is_chargeable, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- The configured seat price split over each billing period's days (allocate(): a period's
-- shares sum to the monthly price exactly). From config, not the API: no raw_json.
CREATE TABLE IF NOT EXISTS `{{dataset}}.cursor_seat_prices` (
  usage_date         DATE          NOT NULL,
  monthly_price_usd  NUMERIC       NOT NULL,
  period_start       DATE          NOT NULL,
  period_end         DATE          NOT NULL,
  period_days        INT64         NOT NULL,
  day_share_usd      NUMERIC       NOT NULL,
  _load_id           STRING        NOT NULL,
  _loaded_at         TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date) NOT ENFORCED
)
PARTITION BY usage_date
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);
