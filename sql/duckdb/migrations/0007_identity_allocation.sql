-- Derived tables the pipeline writes after its loads (src/pipeline/derive.ts), plus the budgets
-- from config. allocated_cost_daily splits vendor totals that have no person on them (e.g. an
-- Anthropic workspace × model × day cost line) among identities by a usage share, exactly, in
-- TypeScript (largest remainder over bigint nano-dollars): for every split line the parts sum
-- back to the line's cost to the nano-dollar. Allocation targets identities (an API key, an
-- email, a key name), never people: the views map identities to people and teams as of each
-- day, so an identity-map change re-attributes history without recomputing anything here.
-- Every table ends with _load_id/_loaded_at, filled by the warehouse.

-- One row per day × provider × service × tool × account × model × sku × identity × method.
-- line_key = JSON of those grouping values (null-safe). Recomputed whole for the days a run
-- touched (replace_window on usage_date), so a re-run changes nothing.
CREATE TABLE allocated_cost_daily (
  usage_date     DATE          NOT NULL,   -- UTC day of the split line
  line_key       VARCHAR       NOT NULL,
  provider       VARCHAR       NOT NULL,   -- anthropic, …
  service        VARCHAR       NOT NULL,   -- as in cost_daily (claude_api, …)
  tool           VARCHAR       NOT NULL,   -- the product used: claude_api | claude_code | …
  account_id     VARCHAR,                  -- workspace / project, as in cost_daily
  model          VARCHAR,                  -- NULL for non-token lines
  sku            VARCHAR,                  -- token type or cost type, as in cost_daily
  identity_type  VARCHAR       NOT NULL,   -- api_key | email | api_key_name | console | workspace | …
  identity       VARCHAR       NOT NULL,
  method         VARCHAR       NOT NULL,   -- token_share | claude_code_share | seat | unattributed
  source_basis   VARCHAR       NOT NULL,   -- basis of the line that was split (vendor_reported, …)
  cost_usd       DECIMAL(38,9) NOT NULL,   -- this identity's exact part
  _load_id       VARCHAR       NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

-- Budgets from ai-usage.config.yaml (`budgets:`), expanded into one row per budget period and
-- rewritten whole at every run, so SQL can join budget to actual. budget_id names the config
-- entry (scope/name/period/from); name is the provider or team, NULL for a total budget.
CREATE TABLE budgets (
  budget_id       VARCHAR       NOT NULL,
  scope           VARCHAR       NOT NULL,  -- total | provider | team
  name            VARCHAR,
  period          VARCHAR       NOT NULL,  -- month | quarter
  period_start    DATE          NOT NULL,
  period_end      DATE          NOT NULL,  -- inclusive
  days_in_period  INTEGER       NOT NULL,
  amount_usd      DECIMAL(38,9) NOT NULL,
  _load_id        VARCHAR       NOT NULL,
  _loaded_at      TIMESTAMP     NOT NULL,
  PRIMARY KEY (budget_id, period_start)
);
