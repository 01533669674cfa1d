-- Anthropic Admin API tables. BigQuery dialect of sql/duckdb/migrations/0002_anthropic.sql:
-- same tables and columns. Every field the API sends is kept, typed, plus the raw item in
-- raw_json. Money is NUMERIC (exactly DECIMAL(38,9)) dollars converted exactly from cents.
-- `line_key` is a deterministic text key of a row's grouping values, null-safe (a null
-- workspace_id is the Default workspace, not "all"), so keys never hold NULLs. Keys are NOT
-- ENFORCED (BigQuery checks none): the loader's MERGE on them is what keeps rows unique.
-- Every table ends with _load_id/_loaded_at, filled by the warehouse.
--
-- Daily fact tables: PARTITION BY usage_date (the UTC activity day) with the configured
-- retention as partition expiration, CLUSTER BY what the views group and filter by.
-- require_partition_filter stays FALSE: the views (cost_daily, usage_daily) and ad-hoc
-- `ai-usage query` read whole history; the loader's MERGEs filter by the window's partitions
-- anyway (the BigQuery double's tests assert it). Dimension tables are small and keyed by id:
-- unpartitioned (they must never expire), clustered by id.

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_cost_report` (
  usage_date      DATE      NOT NULL,   -- UTC bucket day
  line_key        STRING    NOT NULL,
  workspace_id    STRING,               -- NULL = Default workspace
  description     STRING,
  cost_type       STRING,               -- tokens | web_search | code_execution | session_usage
  token_type      STRING,
  model           STRING,
  service_tier    STRING,
  context_window  STRING,
  inference_geo   STRING,
  currency        STRING    NOT NULL,
  amount_cents    STRING    NOT NULL,   -- as the API sent it (decimal string, cents)
  amount_usd      NUMERIC   NOT NULL,   -- exact: amount_cents / 100
  raw_json        JSON      NOT NULL,
  _load_id        STRING    NOT NULL,
  _loaded_at      TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY workspace_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_messages_usage` (
  usage_date                      DATE      NOT NULL,
  line_key                        STRING    NOT NULL,
  api_key_id                      STRING,   -- NULL = Console/Workbench usage (no key)
  workspace_id                    STRING,   -- NULL = Default workspace
  model                           STRING,
  service_tier                    STRING,
  context_window                  STRING,
  uncached_input_tokens           INT64     NOT NULL,
  cache_read_input_tokens         INT64     NOT NULL,
  cache_creation_5m_input_tokens  INT64     NOT NULL,
  cache_creation_1h_input_tokens  INT64     NOT NULL,
  output_tokens                   INT64     NOT NULL,
  web_search_requests             INT64     NOT NULL,
  raw_json                        JSON      NOT NULL,
  _load_id                        STRING    NOT NULL,
  _loaded_at                      TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY api_key_id, workspace_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- One row per actor × day × customer type × terminal × remote flag (the API splits an actor
-- across terminals). No money here: the per-model estimate lives in the child table and is
-- only ever an allocation weight (it is already inside the cost report).
CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_claude_code` (
  usage_date            DATE      NOT NULL,
  line_key              STRING    NOT NULL,
  actor_type            STRING    NOT NULL,   -- user_actor | api_actor
  actor_email           STRING,               -- lower-cased, for user_actor
  actor_api_key_name    STRING,               -- for api_actor (names are not unique)
  organization_id       STRING,
  customer_type         STRING,               -- api | subscription
  subscription_type     STRING,
  terminal_type         STRING,
  is_remote             BOOL,
  num_sessions          INT64     NOT NULL,
  lines_added           INT64     NOT NULL,
  lines_removed         INT64     NOT NULL,
  commits               INT64     NOT NULL,
  pull_requests         INT64     NOT NULL,
  tool_accepted         INT64     NOT NULL,   -- summed over every tool in tool_actions
  tool_rejected         INT64     NOT NULL,
  tool_actions_json     JSON      NOT NULL,   -- the open-ended per-tool map
  raw_json              JSON      NOT NULL,
  _load_id              STRING    NOT NULL,
  _loaded_at            TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY line_key, actor_email
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_claude_code_models` (
  usage_date              DATE      NOT NULL,
  line_key                STRING    NOT NULL,   -- parent's line_key
  model                   STRING    NOT NULL,
  input_tokens            INT64     NOT NULL,
  output_tokens           INT64     NOT NULL,
  cache_read_tokens       INT64     NOT NULL,
  cache_creation_tokens   INT64     NOT NULL,
  estimated_cost_usd      NUMERIC   NOT NULL,   -- allocation weight only, never spend
  _load_id                STRING    NOT NULL,
  _loaded_at              TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key, model) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY line_key, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_users` (
  id            STRING    NOT NULL,
  email         STRING,               -- lower-cased
  name          STRING,
  role          STRING,
  added_at      TIMESTAMP,
  last_seen_at  TIMESTAMP NOT NULL,   -- last run that listed it (removed users are kept)
  raw_json      JSON      NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_api_keys` (
  id                  STRING    NOT NULL,
  name                STRING,
  status              STRING,
  workspace_id        STRING,       -- NULL = Default workspace
  created_at          TIMESTAMP,
  expires_at          TIMESTAMP,
  partial_key_hint    STRING,
  created_by_id       STRING,
  created_by_type     STRING,
  principal_id        STRING,
  principal_type      STRING,
  last_seen_at        TIMESTAMP NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_workspaces` (
  id             STRING    NOT NULL,
  name           STRING,
  created_at     TIMESTAMP,
  archived_at    TIMESTAMP,
  display_color  STRING,
  last_seen_at   TIMESTAMP NOT NULL,
  raw_json       JSON      NOT NULL,
  _load_id       STRING    NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;

CREATE TABLE IF NOT EXISTS `{{dataset}}.anthropic_organizations` (
  id            STRING    NOT NULL,
  name          STRING,
  last_seen_at  TIMESTAMP NOT NULL,
  raw_json      JSON      NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;
