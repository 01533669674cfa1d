-- Derived tables the pipeline writes after its loads (src/pipeline/derive.ts), plus the budgets
-- from config. BigQuery dialect of sql/duckdb/migrations/0007_identity_allocation.sql: same
-- tables and columns. allocated_cost_daily splits vendor totals that have no person on them
-- among identities by a usage share, exactly, in TypeScript (largest remainder over bigint
-- nano-dollars), so the parts of every split line sum back to it to the nano-dollar. Keys are
-- NOT ENFORCED: the loader's MERGE/replace on them keeps rows unique.
--
-- allocated_cost_daily is a daily fact: PARTITION BY usage_date with the configured retention
-- (it is recomputed from the vendor facts, which expire on the same schedule), clustered by
-- what the spend views group by. budgets is a few config rows rewritten whole at every run:
-- unpartitioned, never expiring.

CREATE TABLE IF NOT EXISTS `{{dataset}}.allocated_cost_daily` (
  usage_date     DATE      NOT NULL,   -- UTC day of the split line
  line_key       STRING    NOT NULL,
  provider       STRING    NOT NULL,   -- anthropic, …
  service        STRING    NOT NULL,   -- as in cost_daily (claude_api, …)
  tool           STRING    NOT NULL,   -- the product used: claude_api | claude_code | …
  account_id     STRING,               -- workspace / project, as in cost_daily
  model          STRING,               -- NULL for non-token lines
  sku            STRING,               -- token type or cost type, as in cost_daily
  identity_type  STRING    NOT NULL,   -- api_key | email | api_key_name | console | workspace | …
  identity       STRING    NOT NULL,
  method         STRING    NOT NULL,   -- token_share | claude_code_share | seat | unattributed
  source_basis   STRING    NOT NULL,   -- basis of the line that was split (vendor_reported, …)
  cost_usd       NUMERIC   NOT NULL,   -- this identity's exact part
  _load_id       STRING    NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY provider, identity, line_key
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.budgets` (
  budget_id       STRING    NOT NULL,
  scope           STRING    NOT NULL,  -- total | provider | team
  name            STRING,
  period          STRING    NOT NULL,  -- month | quarter
  period_start    DATE      NOT NULL,
  period_end      DATE      NOT NULL,  -- inclusive
  days_in_period  INT64     NOT NULL,
  amount_usd      NUMERIC   NOT NULL,
  _load_id        STRING    NOT NULL,
  _loaded_at      TIMESTAMP NOT NULL,
  PRIMARY KEY (budget_id, period_start) NOT ENFORCED
)
CLUSTER BY budget_id;
