-- GitHub Copilot tables: the usage metrics reports (org/enterprise aggregate and per user, per
-- UTC day), seat snapshots, and premium-request billing. `owner` is the configured org login or
-- enterprise slug. Counters are NULL when the report leaves them out (not 0). Money is
-- DECIMAL(38,9) dollars read exactly from the API's JSON numbers; quantities (hundredths of a
-- premium request) are exact decimals too. Every table ends with _load_id/_loaded_at.

CREATE TABLE github_copilot_org_daily (
  usage_date                        DATE      NOT NULL,
  owner                             VARCHAR   NOT NULL,
  scope_type                        VARCHAR   NOT NULL,   -- organization | enterprise
  scope_id                          VARCHAR,              -- organization_id / enterprise_id
  daily_active_users                BIGINT,
  weekly_active_users               BIGINT,
  monthly_active_users              BIGINT,
  monthly_active_chat_users         BIGINT,
  monthly_active_agent_users        BIGINT,
  daily_active_cli_users            BIGINT,
  user_initiated_interaction_count  BIGINT,
  code_generation_activity_count    BIGINT,
  code_acceptance_activity_count    BIGINT,
  loc_suggested_to_add_sum          BIGINT,
  loc_suggested_to_delete_sum       BIGINT,
  loc_added_sum                     BIGINT,
  loc_deleted_sum                   BIGINT,
  cli_session_count                 BIGINT,
  cli_request_count                 BIGINT,
  cli_prompt_count                  BIGINT,
  cli_prompt_tokens                 BIGINT,
  cli_output_tokens                 BIGINT,
  pr_total_created                  BIGINT,
  pr_total_reviewed                 BIGINT,
  pr_total_merged                   BIGINT,
  pr_total_created_by_copilot       BIGINT,
  pr_total_reviewed_by_copilot      BIGINT,
  pr_total_merged_created_by_copilot BIGINT,
  pr_median_minutes_to_merge        DECIMAL(38,9),        -- exact decimal of the JSON number
  pull_requests_json                JSON,                 -- the whole pull_requests block
  raw_json                          JSON      NOT NULL,   -- the day's document, totals_by_* included
  _load_id                          VARCHAR   NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner)
);

-- The aggregate's totals_by_{ide, feature, language_feature, language_model, model_feature}
-- in long form: `breakdown` names the list, the dimension columns it does not use are NULL.
CREATE TABLE github_copilot_org_breakdown (
  usage_date                        DATE      NOT NULL,
  owner                             VARCHAR   NOT NULL,
  breakdown                         VARCHAR   NOT NULL,   -- ide | feature | language_feature | language_model | model_feature
  line_key                          VARCHAR   NOT NULL,   -- null-safe key of the dimensions
  ide                               VARCHAR,
  feature                           VARCHAR,
  language                          VARCHAR,
  model                             VARCHAR,
  user_initiated_interaction_count  BIGINT,               -- NULL in the language_* lists (GitHub sends none)
  code_generation_activity_count    BIGINT,
  code_acceptance_activity_count    BIGINT,
  loc_suggested_to_add_sum          BIGINT,
  loc_suggested_to_delete_sum       BIGINT,
  loc_added_sum                     BIGINT,
  loc_deleted_sum                   BIGINT,
  _load_id                          VARCHAR   NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, breakdown, line_key)
);

-- One row per active user per day (users-1-day). GitHub gives logins, not emails: the login is
-- the subject until an identity map resolves it to a person.
CREATE TABLE github_copilot_user_daily (
  usage_date                        DATE      NOT NULL,
  owner                             VARCHAR   NOT NULL,
  user_id                           BIGINT    NOT NULL,   -- stable across login renames
  user_login                        VARCHAR   NOT NULL,   -- lower-cased
  scope_id                          VARCHAR,
  user_initiated_interaction_count  BIGINT,
  code_generation_activity_count    BIGINT,
  code_acceptance_activity_count    BIGINT,
  loc_suggested_to_add_sum          BIGINT,
  loc_suggested_to_delete_sum       BIGINT,
  loc_added_sum                     BIGINT,
  loc_deleted_sum                   BIGINT,
  cli_session_count                 BIGINT,               -- NULL: the user did not use the CLI
  cli_request_count                 BIGINT,
  cli_prompt_count                  BIGINT,
  cli_prompt_tokens                 BIGINT,
  cli_output_tokens                 BIGINT,
  used_agent                        BOOLEAN,
  used_chat                         BOOLEAN,
  used_cli                          BOOLEAN,
  used_copilot_code_review_active   BOOLEAN,
  used_copilot_code_review_passive  BOOLEAN,
  used_copilot_coding_agent         BOOLEAN,
  raw_json                          JSON      NOT NULL,   -- the line, totals_by_* and IDE versions included
  _load_id                          VARCHAR   NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, user_id)
);

-- Each user line's totals_by_model_feature: the per-person, per-model activity usage_daily reads.
CREATE TABLE github_copilot_user_models (
  usage_date                        DATE      NOT NULL,
  owner                             VARCHAR   NOT NULL,
  user_id                           BIGINT    NOT NULL,
  line_key                          VARCHAR   NOT NULL,   -- null-safe key of (model, feature)
  user_login                        VARCHAR   NOT NULL,
  model                             VARCHAR,              -- metrics model id: claude-sonnet-4.5
  feature                           VARCHAR,              -- code_completion | chat_panel_agent_mode | …
  user_initiated_interaction_count  BIGINT,
  code_generation_activity_count    BIGINT,
  code_acceptance_activity_count    BIGINT,
  loc_suggested_to_add_sum          BIGINT,
  loc_suggested_to_delete_sum       BIGINT,
  loc_added_sum                     BIGINT,
  loc_deleted_sum                   BIGINT,
  _load_id                          VARCHAR   NOT NULL,
  _loaded_at                        TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, owner, user_id, line_key)
);

-- Seat assignments as listed on each snapshot day (one snapshot per day; history builds up).
CREATE TABLE github_copilot_seats (
  snapshot_date             DATE          NOT NULL,   -- UTC day of the run that listed it
  owner                     VARCHAR       NOT NULL,
  assignee_login            VARCHAR       NOT NULL,   -- lower-cased
  assignment_key            VARCHAR       NOT NULL,   -- '' in an org; 'org/team' in an enterprise
  assignee_id               BIGINT        NOT NULL,
  assignee_type             VARCHAR,
  plan_type                 VARCHAR,                  -- business | enterprise
  organization_login        VARCHAR,                  -- enterprise lists: the granting org
  assigning_team_id         BIGINT,
  assigning_team_slug       VARCHAR,                  -- NULL: assigned directly
  assigning_team_name       VARCHAR,
  created_at                TIMESTAMP,
  updated_at                TIMESTAMP,
  pending_cancellation_date DATE,                     -- NULL: not being cancelled
  last_activity_at          TIMESTAMP,                -- NULL: never used (needs IDE telemetry)
  last_activity_editor      VARCHAR,
  last_authenticated_at     TIMESTAMP,
  seat_daily_price_usd      DECIMAL(38,9),            -- configured monthly price, this day's share; NULL: no price set
  captured_at               TIMESTAMP     NOT NULL,
  raw_json                  JSON          NOT NULL,
  _load_id                  VARCHAR       NOT NULL,
  _loaded_at                TIMESTAMP     NOT NULL,
  PRIMARY KEY (snapshot_date, owner, assignee_login, assignment_key)
);

-- Premium-request billing for the whole org or enterprise, per day × product × sku × model:
-- the money truth for Copilot (net = gross − the seats' included allowance).
CREATE TABLE github_copilot_premium_usage (
  usage_date            DATE          NOT NULL,
  owner                 VARCHAR       NOT NULL,
  product               VARCHAR       NOT NULL,
  sku                   VARCHAR       NOT NULL,
  model                 VARCHAR       NOT NULL,   -- billing name: Claude Sonnet 4.5
  model_id              VARCHAR       NOT NULL,   -- as the metrics reports spell it: claude-sonnet-4.5
  unit_type             VARCHAR,
  price_per_unit_usd    DECIMAL(38,9),
  gross_quantity        DECIMAL(38,9) NOT NULL,
  gross_amount_usd      DECIMAL(38,9) NOT NULL,
  discount_quantity     DECIMAL(38,9) NOT NULL,
  discount_amount_usd   DECIMAL(38,9) NOT NULL,
  net_quantity          DECIMAL(38,9) NOT NULL,
  net_amount_usd        DECIMAL(38,9) NOT NULL,
  raw_json              JSON          NOT NULL,
  _load_id              VARCHAR       NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, owner, product, sku, model)
);

-- The same per user: an attribution of the table above, never to be added to it. Rows sum to
-- it exactly; what no per-user answer covered is user_login '(unattributed)'.
CREATE TABLE github_copilot_premium_user_usage (
  usage_date            DATE          NOT NULL,
  owner                 VARCHAR       NOT NULL,
  user_login            VARCHAR       NOT NULL,   -- lower-cased, or '(unattributed)'
  product               VARCHAR       NOT NULL,
  sku                   VARCHAR       NOT NULL,
  model                 VARCHAR       NOT NULL,
  model_id              VARCHAR       NOT NULL,
  unit_type             VARCHAR,
  price_per_unit_usd    DECIMAL(38,9),
  gross_quantity        DECIMAL(38,9) NOT NULL,
  gross_amount_usd      DECIMAL(38,9) NOT NULL,
  discount_quantity     DECIMAL(38,9) NOT NULL,
  discount_amount_usd   DECIMAL(38,9) NOT NULL,
  net_quantity          DECIMAL(38,9) NOT NULL,
  net_amount_usd        DECIMAL(38,9) NOT NULL,
  raw_json              JSON          NOT NULL,
  _load_id              VARCHAR       NOT NULL,
  _loaded_at            TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, owner, user_login, product, sku, model)
);
