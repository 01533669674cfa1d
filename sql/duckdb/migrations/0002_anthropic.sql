-- Anthropic Admin API tables. Every field the API sends is kept, typed, plus the raw item in
-- raw_json. Money is DECIMAL(38,9) dollars converted exactly from the API's cents.
-- `line_key` is a deterministic text key of a row's grouping values, null-safe (a null
-- workspace_id is the Default workspace, not "all"), so primary keys never hold NULLs.
-- Every table ends with _load_id/_loaded_at, filled by the warehouse.

CREATE TABLE anthropic_cost_report (
  usage_date      DATE          NOT NULL,   -- UTC bucket day
  line_key        VARCHAR       NOT NULL,
  workspace_id    VARCHAR,                  -- NULL = Default workspace
  description     VARCHAR,
  cost_type       VARCHAR,                  -- tokens | web_search | code_execution | session_usage
  token_type      VARCHAR,
  model           VARCHAR,
  service_tier    VARCHAR,
  context_window  VARCHAR,
  inference_geo   VARCHAR,
  currency        VARCHAR       NOT NULL,
  amount_cents    VARCHAR       NOT NULL,   -- as the API sent it (decimal string, cents)
  amount_usd      DECIMAL(38,9) NOT NULL,   -- exact: amount_cents / 100
  raw_json        JSON          NOT NULL,
  _load_id        VARCHAR       NOT NULL,
  _loaded_at      TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE anthropic_messages_usage (
  usage_date                      DATE      NOT NULL,
  line_key                        VARCHAR   NOT NULL,
  api_key_id                      VARCHAR,  -- NULL = Console/Workbench usage (no key)
  workspace_id                    VARCHAR,  -- NULL = Default workspace
  model                           VARCHAR,
  service_tier                    VARCHAR,
  context_window                  VARCHAR,
  uncached_input_tokens           BIGINT    NOT NULL,
  cache_read_input_tokens         BIGINT    NOT NULL,
  cache_creation_5m_input_tokens  BIGINT    NOT NULL,
  cache_creation_1h_input_tokens  BIGINT    NOT NULL,
  output_tokens                   BIGINT    NOT NULL,
  web_search_requests             BIGINT    NOT NULL,
  raw_json                        JSON      NOT NULL,
  _load_id                        VARCHAR   NOT NULL,
  _loaded_at                      TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

-- One row per actor × day × customer type × terminal × remote flag (the API splits an actor
-- across terminals). No money here: the per-model estimate lives in the child table and is
-- only ever an allocation weight (it is already inside the cost report).
CREATE TABLE anthropic_claude_code (
  usage_date            DATE      NOT NULL,
  line_key              VARCHAR   NOT NULL,
  actor_type            VARCHAR   NOT NULL,   -- user_actor | api_actor
  actor_email           VARCHAR,              -- lower-cased, for user_actor
  actor_api_key_name    VARCHAR,              -- for api_actor (names are not unique)
  organization_id       VARCHAR,
  customer_type         VARCHAR,              -- api | subscription
  subscription_type     VARCHAR,
  terminal_type         VARCHAR,
  is_remote             BOOLEAN,
  num_sessions          BIGINT    NOT NULL,
  lines_added           BIGINT    NOT NULL,
  lines_removed         BIGINT    NOT NULL,
  commits               BIGINT    NOT NULL,
  pull_requests         BIGINT    NOT NULL,
  tool_accepted         BIGINT    NOT NULL,   -- summed over every tool in tool_actions
  tool_rejected         BIGINT    NOT NULL,
  tool_actions_json     JSON      NOT NULL,   -- the open-ended per-tool map
  raw_json              JSON      NOT NULL,
  _load_id              VARCHAR   NOT NULL,
  _loaded_at            TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE anthropic_claude_code_models (
  usage_date              DATE          NOT NULL,
  line_key                VARCHAR       NOT NULL,   -- parent's line_key
  model                   VARCHAR       NOT NULL,
  input_tokens            BIGINT        NOT NULL,
  output_tokens           BIGINT        NOT NULL,
  cache_read_tokens       BIGINT        NOT NULL,
  cache_creation_tokens   BIGINT        NOT NULL,
  estimated_cost_usd      DECIMAL(38,9) NOT NULL,   -- allocation weight only, never spend
  _load_id                VARCHAR       NOT NULL,
  _loaded_at              TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, line_key, model)
);

CREATE TABLE anthropic_users (
  id          VARCHAR   NOT NULL PRIMARY KEY,
  email       VARCHAR,              -- lower-cased
  name        VARCHAR,
  role        VARCHAR,
  added_at    TIMESTAMP,
  last_seen_at TIMESTAMP NOT NULL,  -- last run that listed it (removed users are kept)
  raw_json    JSON      NOT NULL,
  _load_id    VARCHAR   NOT NULL,
  _loaded_at  TIMESTAMP NOT NULL
);

CREATE TABLE anthropic_api_keys (
  id                  VARCHAR   NOT NULL PRIMARY KEY,
  name                VARCHAR,
  status              VARCHAR,
  workspace_id        VARCHAR,      -- NULL = Default workspace
  created_at          TIMESTAMP,
  expires_at          TIMESTAMP,
  partial_key_hint    VARCHAR,
  created_by_id       VARCHAR,
  created_by_type     VARCHAR,
  principal_id        VARCHAR,
  principal_type      VARCHAR,
  last_seen_at        TIMESTAMP NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL
);

CREATE TABLE anthropic_workspaces (
  id             VARCHAR   NOT NULL PRIMARY KEY,
  name           VARCHAR,
  created_at     TIMESTAMP,
  archived_at    TIMESTAMP,
  display_color  VARCHAR,
  last_seen_at   TIMESTAMP NOT NULL,
  raw_json       JSON      NOT NULL,
  _load_id       VARCHAR   NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL
);

CREATE TABLE anthropic_organizations (
  id            VARCHAR   NOT NULL PRIMARY KEY,
  name          VARCHAR,
  last_seen_at  TIMESTAMP NOT NULL,
  raw_json      JSON      NOT NULL,
  _load_id      VARCHAR   NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL
);
