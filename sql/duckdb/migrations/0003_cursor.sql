-- Cursor Admin API tables. Every field the API sends is kept, typed, plus the raw item in
-- raw_json. People are keyed by lower-case email (the one identity every endpoint shares).
-- Money is DECIMAL(38,9) dollars converted exactly from the API's cents, with the API's text
-- beside it. Cursor serves a rolling recent window only, so every table is merged on its key
-- and never trimmed by a later, narrower read. Every table ends with _load_id/_loaded_at.

-- One row per member per capture day: first/last-seen dates are derived (view cursor_members)
-- from these snapshots, which a merge can never overwrite across days.
CREATE TABLE cursor_member_snapshots (
  captured_date  DATE      NOT NULL,   -- UTC day of the run that listed the member
  user_email     VARCHAR   NOT NULL,   -- lower-cased
  captured_at    TIMESTAMP NOT NULL,
  user_id        VARCHAR,              -- 'user_…' or a number, as text
  name           VARCHAR,
  role           VARCHAR,              -- owner | member | free-owner
  is_removed     BOOLEAN   NOT NULL,
  raw_json       JSON      NOT NULL,
  _load_id       VARCHAR   NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (captured_date, user_email)
);

-- Dense: one row per seat per day, active or not (is_active decides activity). Keyed by the
-- API's `day`; `date_epoch_ms` keeps the request's time of day and is never a key.
CREATE TABLE cursor_daily_usage (
  usage_date                  DATE      NOT NULL,
  user_email                  VARCHAR   NOT NULL,
  user_id                     VARCHAR,
  is_active                   BOOLEAN   NOT NULL,
  date_epoch_ms               BIGINT,
  total_lines_added           BIGINT,
  total_lines_deleted         BIGINT,
  accepted_lines_added        BIGINT,
  accepted_lines_deleted      BIGINT,
  total_applies               BIGINT,
  total_accepts               BIGINT,
  total_rejects               BIGINT,
  total_tabs_shown            BIGINT,
  total_tabs_accepted         BIGINT,
  composer_requests           BIGINT,
  chat_requests               BIGINT,
  agent_requests              BIGINT,
  cmdk_usages                 BIGINT,
  bugbot_usages               BIGINT,
  subscription_included_reqs  BIGINT,   -- raw event counts, not billable request units
  usage_based_reqs            BIGINT,
  api_key_reqs                BIGINT,
  most_used_model             VARCHAR,  -- NULL where the API sent ""
  apply_most_used_extension   VARCHAR,
  tab_most_used_extension     VARCHAR,
  client_version              VARCHAR,
  raw_json                    JSON      NOT NULL,
  _load_id                    VARCHAR   NOT NULL,
  _loaded_at                  TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, user_email)
);

-- The current billing cycle's cumulative spend per person, one snapshot per run. Never summed:
-- cursor_spend_deltas derives per-snapshot deltas (a new cycle starts from zero).
CREATE TABLE cursor_spend_snapshots (
  captured_at              TIMESTAMP     NOT NULL,
  user_email               VARCHAR       NOT NULL,
  captured_date            DATE          NOT NULL,
  cycle_start              TIMESTAMP     NOT NULL,  -- subscriptionCycleStart
  user_id                  VARCHAR,
  name                     VARCHAR,
  role                     VARCHAR,
  spend_cents              VARCHAR       NOT NULL,  -- as sent: on-demand only (current docs)
  overall_spend_cents      VARCHAR,                 -- on-demand + included
  included_spend_cents     VARCHAR,                 -- older field; NULL when not sent
  spend_usd                DECIMAL(38,9) NOT NULL,
  overall_spend_usd        DECIMAL(38,9),
  included_spend_usd       DECIMAL(38,9),
  fast_premium_requests    BIGINT,
  hard_limit_override_usd  DECIMAL(38,9),           -- 0 = no override
  monthly_limit_usd        DECIMAL(38,9),
  raw_json                 JSON          NOT NULL,
  _load_id                 VARCHAR       NOT NULL,
  _loaded_at               TIMESTAMP     NOT NULL,
  PRIMARY KEY (captured_at, user_email)
);

-- One row per usage event. No vendor id exists: the key is (timestamp, person, occurrence),
-- occurrence being the event's rank among same-millisecond events of that person in one read,
-- ordered by content (src/sources/cursor/event-keys.ts explains why that is stable).
CREATE TABLE cursor_usage_events (
  usage_date            DATE          NOT NULL,   -- UTC day of the timestamp
  user_email            VARCHAR       NOT NULL,
  event_ms              BIGINT        NOT NULL,   -- timestamp, epoch ms
  occurrence            INTEGER       NOT NULL,
  event_ts              TIMESTAMP     NOT NULL,
  model                 VARCHAR,
  kind                  VARCHAR,                  -- Usage-based | Included in Business | …
  is_chargeable         BOOLEAN       NOT NULL,   -- on-demand: counts in spendCents
  max_mode              BOOLEAN,
  is_token_based_call   BOOLEAN,
  is_headless           BOOLEAN,
  is_free_bugbot        BOOLEAN,
  requests_costs        DECIMAL(38,9),            -- request units (not money)
  input_tokens          BIGINT,
  output_tokens         BIGINT,
  cache_write_tokens    BIGINT,
  cache_read_tokens     BIGINT,
  discount_percent_off  DECIMAL(38,9),
  model_cost_cents      VARCHAR,                  -- tokenUsage.totalCents as sent
  model_cost_usd        DECIMAL(38,9),
  token_fee_cents       VARCHAR,                  -- cursorTokenFee as sent
  token_fee_usd         DECIMAL(38,9),
  charged_cents         VARCHAR       NOT NULL,   -- chargedCents as sent
  charged_usd           DECIMAL(38,9) NOT NULL,   -- model cost + token fee, exact
  raw_json              JSON          NOT NULL,
  _load_id              VARCHAR       NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, user_email, event_ms, occurrence)
);

-- The configured seat price split over each billing period's days (allocate(): a period's
-- shares sum to the monthly price exactly). From config, not the API: no raw_json.
CREATE TABLE cursor_seat_prices (
  usage_date         DATE          NOT NULL,
  monthly_price_usd  DECIMAL(38,9) NOT NULL,
  period_start       DATE          NOT NULL,
  period_end         DATE          NOT NULL,
  period_days        INTEGER       NOT NULL,
  day_share_usd      DECIMAL(38,9) NOT NULL,
  _load_id           VARCHAR       NOT NULL,
  _loaded_at         TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date)
);
