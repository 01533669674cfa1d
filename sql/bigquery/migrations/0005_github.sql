-- GitHub Copilot tables. BigQuery dialect of sql/duckdb/migrations/0005_github.sql: same
-- tables and columns. The usage metrics reports (org/enterprise aggregate and per user, per UTC
-- day), seat snapshots and premium-request billing. `owner` is the configured org login or
-- enterprise slug. Counters are NULL when the report leaves them out (not 0). Money and premium
-- quantities are NUMERIC (exactly DECIMAL(38,9)), read exactly from the API's JSON numbers.
-- Keys are NOT ENFORCED: the loader's MERGE on them keeps rows unique.
--
-- Every table is a daily fact (seats: a daily snapshot), so PARTITION BY the activity day
-- (snapshot_date for seats) with the configured retention, CLUSTER BY owner and what the views
-- group by (login, model). Seat snapshots cannot be re-fetched, yet they expire like the rest
-- on purpose: retention is the organization's choice for all activity data, and a snapshot is
-- as old as the usage it explains. require_partition_filter stays FALSE, as for other vendors.

CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_org_daily` (
  usage_date                        DATE      NOT NULL,
  owner                             STRING    NOT NULL,
  scope_type                        STRING    NOT NULL,   -- organization | enterprise
  scope_id                          STRING,              -- organization_id / enterprise_id
  daily_active_users                INT64,
  weekly_active_users               INT64,
  monthly_active_users              INT64,
  monthly_active_chat_users         INT64,
  monthly_active_agent_users        INT64,
  daily_active_cli_users            INT64,
  user_initiated_interaction_count  INT64,
  code_generation_activity_count    INT64,
  code_acceptance_activity_count    INT64,
  loc_suggested_to_add_sum          INT64,
  loc_suggested_to_delete_sum       INT64,
  loc_added_sum                     INT64,
  loc_deleted_sum                   INT64,
  cli_session_count                 INT64,
  cli_request_count                 INT64,
  cli_prompt_count                  INT64,
  cli_prompt_tokens                 INT64,
  cli_output_tokens                 INT64,
  pr_total_created                  INT64,
  pr_total_reviewed                 INT64,
  pr_total_merged                   INT64,
  pr_total_created_by_copilot       INT64,
  pr_total_reviewed_by_copilot      INT64,
  pr_total_merged_created_by_copilot INT64,
  pr_median_minutes_to_merge        NUMERIC,        -- exact decimal of the JSON number
  pull_requests_json                JSON,                 -- the whole pull_requests block
  raw_json                          JSON      NOT NULL,   -- the day's document, totals_by_* included
  _load_id                          STRING    NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- The aggregate's totals_by_{ide, feature, language_feature, language_model, model_feature}
-- in long form: `breakdown` names the list, the dimension columns it does not use are NULL.
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_org_breakdown` (
  usage_date                        DATE      NOT NULL,
  owner                             STRING    NOT NULL,
  breakdown                         STRING    NOT NULL,   -- ide | feature | language_feature | language_model | model_feature
  line_key                          STRING    NOT NULL,   -- null-safe key of the dimensions
  ide                               STRING,
  feature                           STRING,
  language                          STRING,
  model                             STRING,
  user_initiated_interaction_count  INT64,               -- NULL in the language_* lists (GitHub sends none)
  code_generation_activity_count    INT64,
  code_acceptance_activity_count    INT64,
  loc_suggested_to_add_sum          INT64,
  loc_suggested_to_delete_sum       INT64,
  loc_added_sum                     INT64,
  loc_deleted_sum                   INT64,
  _load_id                          STRING    NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, breakdown, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner, breakdown, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- One row per active user per day (users-1-day). GitHub gives logins, not emails: the login is
-- the subject until an identity map resolves it to a person.
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_user_daily` (
  usage_date                        DATE      NOT NULL,
  owner                             STRING    NOT NULL,
  user_id                           INT64     NOT NULL,   -- stable across login renames
  user_login                        STRING    NOT NULL,   -- lower-cased
  scope_id                          STRING,
  user_initiated_interaction_count  INT64,
  code_generation_activity_count    INT64,
  code_acceptance_activity_count    INT64,
  loc_suggested_to_add_sum          INT64,
  loc_suggested_to_delete_sum       INT64,
  loc_added_sum                     INT64,
  loc_deleted_sum                   INT64,
  cli_session_count                 INT64,               -- NULL: the user did not use the CLI
  cli_request_count                 INT64,
  cli_prompt_count                  INT64,
  cli_prompt_tokens                 INT64,
  cli_output_tokens                 INT64,
  used_agent                        BOOL,
  used_chat                         BOOL,
  used_cli                          BOOL,
  used_copilot_code_review_active   BOOL,
  used_copilot_code_review_passive  BOOL,
  used_copilot_coding_agent         BOOL,
  raw_json                          JSON      NOT NULL,   -- the line, totals_by_* and IDE versions included
  _load_id                          STRING    NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, user_id) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner, user_login
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- Each user line's totals_by_model_feature: the per-person, per-model activity usage_daily reads.
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_user_models` (
  usage_date                        DATE      NOT NULL,
  owner                             STRING    NOT NULL,
  user_id                           INT64     NOT NULL,
  line_key                          STRING    NOT NULL,   -- null-safe key of (model, feature)
  user_login                        STRING    NOT NULL,
  model                             STRING,              -- metrics model id: claude-sonnet-4.5
  feature                           STRING,              -- code_completion | chat_panel_agent_mode | …
  user_initiated_interaction_count  INT64,
  code_generation_activity_count    INT64,
  code_acceptance_activity_count    INT64,
  loc_suggested_to_add_sum          INT64,
  loc_suggested_to_delete_sum       INT64,
  loc_added_sum                     INT64,
  loc_deleted_sum                   INT64,
  _load_id                          STRING    NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, user_id, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner, user_login, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- Seat assignments as listed on each snapshot day (one snapshot per day; history builds up).
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_seats` (
  snapshot_date             DATE          NOT NULL,   -- UTC day of the run that listed it
  owner                     STRING        NOT NULL,
  assignee_login            STRING        NOT NULL,   -- lower-cased
  assignment_key            STRING        NOT NULL,   -- '' in an org; 'org/team' in an enterprise
  assignee_id               INT64         NOT NULL,
  assignee_type             STRING,
  plan_type                 STRING,                  -- business | enterprise
  organization_login        STRING,                  -- enterprise lists: the granting org
  assigning_team_id         INT64,
  assigning_team_slug       STRING,                  -- NULL: assigned directly
  assigning_team_name       STRING,
  created_at                TIMESTAMP,
  updated_at                TIMESTAMP,
  pending_cancellation_date DATE,                     -- NULL: not being cancelled
  last_activity_at          TIMESTAMP,                -- NULL: never used (needs IDE telemetry)
  last_activity_editor      STRING,
  last_authenticated_at     TIMESTAMP,
  seat_daily_price_usd      NUMERIC,            -- configured monthly price, this day's share; NULL: no price set
  captured_at               TIMESTAMP     NOT NULL,
  raw_json                  JSON          NOT NULL,
  _load_id                  STRING        NOT NULL,
  _loaded_at                TIMESTAMP     NOT NULL,
  PRIMARY KEY (snapshot_date, owner, assignee_login, assignment_key) NOT ENFORCED
)
PARTITION BY snapshot_date
CLUSTER BY owner, assignee_login
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- Premium-request billing for the whole org or enterprise, per day × product × sku × model:
-- the money truth for Copilot (net = gross − the seats' included allowance).
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_premium_usage` (
  usage_date            DATE          NOT NULL,
  owner                 STRING        NOT NULL,
  product               STRING        NOT NULL,
  sku                   STRING        NOT NULL,
  model                 STRING        NOT NULL,   -- billing name: Claude Sonnet 4.5
  model_id              STRING        NOT NULL,   -- as the metrics reports spell it: claude-sonnet-4.5
  unit_type             STRING,
  price_per_unit_usd    NUMERIC,
  gross_quantity        NUMERIC       NOT NULL,
  gross_amount_usd      NUMERIC       NOT NULL,
  discount_quantity     NUMERIC       NOT NULL,
  discount_amount_usd   NUMERIC       NOT NULL,
  net_quantity          NUMERIC       NOT NULL,
  net_amount_usd        NUMERIC       NOT NULL,
  raw_json              JSON          NOT NULL,
  _load_id              STRING        NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, owner, product, sku, model) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- The same per user: an attribution of the table above, never to be added to it. Rows sum to
-- it exactly; what no per-user answer covered is user_login '(unattributed)'.
CREATE TABLE IF NOT EXISTS `{{dataset}}.github_copilot_premium_user_usage` (
  usage_date            DATE          NOT NULL,
  owner                 STRING        NOT NULL,
  user_login            STRING        NOT NULL,   -- lower-cased, or '(unattributed)'
  product               STRING        NOT NULL,
  sku                   STRING        NOT NULL,
  model                 STRING        NOT NULL,
  model_id              STRING        NOT NULL,
  unit_type             STRING,
  price_per_unit_usd    NUMERIC,
  gross_quantity        NUMERIC       NOT NULL,
  gross_amount_usd      NUMERIC       NOT NULL,
  discount_quantity     NUMERIC       NOT NULL,
  discount_amount_usd   NUMERIC       NOT NULL,
  net_quantity          NUMERIC       NOT NULL,
  net_amount_usd        NUMERIC       NOT NULL,
  raw_json              JSON          NOT NULL,
  _load_id              STRING        NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, owner, user_login, product, sku, model) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY owner, user_login, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);
