-- Manual exports loaded by `ai-usage import <kind> <file>` (docs/imports.md). BigQuery dialect
-- of sql/duckdb/migrations/0006_imports.sql: same tables and columns. Every imported row keeps
-- where it came from (source_file, source_sha256, source_line) and the row as the file had it
-- (raw_json). Money is NUMERIC (exactly DECIMAL(38,9)) dollars parsed exactly from display
-- text. Keys are natural keys, NOT ENFORCED: the loader's MERGE on them keeps rows unique.
--
-- Only the claude.ai events are activity facts: PARTITION BY activity_date with the configured
-- retention (they hold emails and IP addresses; the export file stays the source). The other
-- tables are small reference data that must never expire (finance's invoices, the identity
-- map, month totals, the import log): unpartitioned, clustered by their key.

-- One row per file imported per kind and scope (scope = 'month=YYYY-MM' for month-to-date
-- exports, '' otherwise): a file identical to the last one imported is skipped as unchanged.
CREATE TABLE IF NOT EXISTS `{{dataset}}.import_files` (
  kind          STRING    NOT NULL,   -- claude-ai-activity | claude-code-team | invoices | identity-map
  scope         STRING    NOT NULL,
  file_sha256   STRING    NOT NULL,
  file_name     STRING    NOT NULL,
  data_rows     INT64     NOT NULL,
  warnings      JSON      NOT NULL,   -- array of texts
  imported_at   TIMESTAMP NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (kind, scope, file_sha256) NOT ENFORCED
)
CLUSTER BY kind, scope;

-- claude.ai organization activity export: one row per event. The export has no event id:
-- event_key is a sha256 of (created_at to the microsecond, event, actor uuid, entity type and
-- uuid) and the row's occurrence number among identical ones in its file.
CREATE TABLE IF NOT EXISTS `{{dataset}}.import_claude_ai_events` (
  activity_date     DATE      NOT NULL,   -- UTC day of created_at
  event_key         STRING    NOT NULL,
  created_at        TIMESTAMP NOT NULL,   -- UTC, microseconds
  created_at_text   STRING    NOT NULL,   -- as the export wrote it
  event             STRING    NOT NULL,   -- conversation_created, file_uploaded, …
  actor_type        STRING,               -- 'account'; NULL for system events (actor {})
  actor_email       STRING,               -- lower-cased; NULL for system events
  actor_name        STRING,
  actor_uuid        STRING,
  entity_type       STRING,               -- chat_conversation, file, chat_project, …
  entity_uuid       STRING,
  project_uuid      STRING,               -- entity_info.metadata.project_uuid
  client_platform   STRING,               -- desktop_app, web_claude_ai, ios, …; NULL when empty
  device_id         STRING,
  ip_address        STRING,
  user_agent        STRING,
  actor_info_json   JSON      NOT NULL,   -- the Python-literal cells, parsed (never evaluated)
  event_info_json   JSON      NOT NULL,
  entity_info_json  JSON      NOT NULL,   -- {} when the cell was empty
  raw_json          JSON      NOT NULL,
  source_file       STRING    NOT NULL,
  source_sha256     STRING    NOT NULL,
  source_line       INT64     NOT NULL,
  _load_id          STRING    NOT NULL,
  _loaded_at        TIMESTAMP NOT NULL,
  PRIMARY KEY (activity_date, event_key) NOT ENFORCED
)
PARTITION BY activity_date
CLUSTER BY actor_email, event, client_platform
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- Claude Code team export: month-to-date totals per person. A later export of a month
-- replaces that month's rows whole (the figures are cumulative, never added).
CREATE TABLE IF NOT EXISTS `{{dataset}}.import_claude_code_team` (
  month          DATE          NOT NULL,  -- first day of the month (--month)
  email          STRING        NOT NULL,  -- lower-cased
  spend_usd      NUMERIC,                 -- NULL when the export had no spend column
  lines          INT64         NOT NULL,
  spend_text     STRING,                  -- as displayed: "$1,034.83"
  lines_text     STRING        NOT NULL,  -- as displayed: "15,344"
  raw_json       JSON          NOT NULL,
  source_file    STRING        NOT NULL,
  source_sha256  STRING        NOT NULL,
  source_line    INT64         NOT NULL,
  _load_id       STRING        NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (month, email) NOT ENFORCED
)
CLUSTER BY month, email;

-- Invoices: one row per invoice; total_usd is the sum of the lines of the import that last
-- wrote it. Lines whose _load_id differs from their invoice's were dropped by a later import
-- of that invoice and are ignored by the views.
CREATE TABLE IF NOT EXISTS `{{dataset}}.import_invoices` (
  provider       STRING        NOT NULL,
  invoice_id     STRING        NOT NULL,
  period_start   DATE          NOT NULL,  -- inclusive
  period_end     DATE          NOT NULL,  -- inclusive
  invoice_date   DATE,
  currency       STRING        NOT NULL,  -- always USD (other currencies are refused)
  total_usd      NUMERIC       NOT NULL,
  line_count     INT64         NOT NULL,
  basis          STRING        NOT NULL,  -- invoiced
  source_file    STRING        NOT NULL,
  source_sha256  STRING        NOT NULL,
  source_line    INT64         NOT NULL,  -- the invoice's first line
  _load_id       STRING        NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (provider, invoice_id) NOT ENFORCED
)
CLUSTER BY provider, invoice_id;

CREATE TABLE IF NOT EXISTS `{{dataset}}.import_invoice_lines` (
  provider       STRING        NOT NULL,
  invoice_id     STRING        NOT NULL,
  line_item      STRING        NOT NULL,  -- as given, or the line's position in its invoice
  line_number    INT64         NOT NULL,  -- position in its invoice in the file
  period_start   DATE          NOT NULL,
  period_end     DATE          NOT NULL,
  service        STRING,
  description    STRING,
  quantity       NUMERIC,
  unit           STRING,
  amount_usd     NUMERIC       NOT NULL,  -- negative for credits
  amount_text    STRING        NOT NULL,  -- as written
  currency       STRING        NOT NULL,
  basis          STRING        NOT NULL,  -- invoiced
  raw_json       JSON          NOT NULL,
  source_file    STRING        NOT NULL,
  source_sha256  STRING        NOT NULL,
  source_line    INT64         NOT NULL,
  _load_id       STRING        NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (provider, invoice_id, line_item) NOT ENFORCED
)
CLUSTER BY provider, invoice_id, line_item;

-- Identity map: identity (API key name or id, vendor user id, email, GitHub login) → person
-- and team, optionally per provider (NULL = any) and from valid_from (0001-01-01 = always).
-- An import replaces the whole map. map_key = JSON [identity, provider], null-safe.
CREATE TABLE IF NOT EXISTS `{{dataset}}.identity_map` (
  valid_from     DATE      NOT NULL,
  map_key        STRING    NOT NULL,
  identity       STRING    NOT NULL,      -- as given; lower-cased when it is an email
  provider       STRING,                  -- anthropic | cursor | openai | github; NULL = any
  email          STRING    NOT NULL,      -- lower-cased
  team           STRING,
  name           STRING,
  raw_json       JSON      NOT NULL,
  source_file    STRING    NOT NULL,
  source_sha256  STRING    NOT NULL,
  source_line    INT64     NOT NULL,
  _load_id       STRING    NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (valid_from, map_key) NOT ENFORCED
)
CLUSTER BY identity, provider;
