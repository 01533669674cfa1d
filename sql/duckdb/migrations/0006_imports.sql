-- Manual exports loaded by `ai-usage import <kind> <file>` (docs/imports.md). Every imported
-- row keeps where it came from (source_file, source_sha256, source_line) and the row as the
-- file had it (raw_json: header → cell text). Money is DECIMAL(38,9) dollars, parsed exactly
-- from display text ("$1,034.83"). Keys are natural keys so a re-import never doubles a row.
-- Every table ends with _load_id/_loaded_at, filled by the warehouse.

-- One row per file imported per kind and scope (scope = 'month=YYYY-MM' for month-to-date
-- exports, '' otherwise): a file identical to the last one imported is skipped as unchanged.
CREATE TABLE import_files (
  kind          VARCHAR   NOT NULL,   -- claude-ai-activity | claude-code-team | invoices | identity-map
  scope         VARCHAR   NOT NULL,
  file_sha256   VARCHAR   NOT NULL,
  file_name     VARCHAR   NOT NULL,
  data_rows     BIGINT    NOT NULL,
  warnings      JSON      NOT NULL,   -- array of texts
  imported_at   TIMESTAMP NOT NULL,
  _load_id      VARCHAR   NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (kind, scope, file_sha256)
);

-- claude.ai organization activity export: one row per event. The export has no event id:
-- event_key is a sha256 of (created_at to the microsecond, event, actor uuid, entity type and
-- uuid) and the row's occurrence number among identical ones in its file.
CREATE TABLE import_claude_ai_events (
  activity_date     DATE      NOT NULL,   -- UTC day of created_at
  event_key         VARCHAR   NOT NULL,
  created_at        TIMESTAMP NOT NULL,   -- UTC, microseconds
  created_at_text   VARCHAR   NOT NULL,   -- as the export wrote it
  event             VARCHAR   NOT NULL,   -- conversation_created, file_uploaded, …
  actor_type        VARCHAR,              -- 'account'; NULL for system events (actor {})
  actor_email       VARCHAR,              -- lower-cased; NULL for system events
  actor_name        VARCHAR,
  actor_uuid        VARCHAR,
  entity_type       VARCHAR,              -- chat_conversation, file, chat_project, …
  entity_uuid       VARCHAR,
  project_uuid      VARCHAR,              -- entity_info.metadata.project_uuid
  client_platform   VARCHAR,              -- desktop_app, web_claude_ai, ios, …; NULL when empty
  device_id         VARCHAR,
  ip_address        VARCHAR,
  user_agent        VARCHAR,
  actor_info_json   JSON      NOT NULL,   -- the Python-literal cells, parsed (never evaluated)
  event_info_json   JSON      NOT NULL,
  entity_info_json  JSON      NOT NULL,   -- {} when the cell was empty
  raw_json          JSON      NOT NULL,
  source_file       VARCHAR   NOT NULL,
  source_sha256     VARCHAR   NOT NULL,
  source_line       BIGINT    NOT NULL,
  _load_id          VARCHAR   NOT NULL,
  _loaded_at        TIMESTAMP NOT NULL,
  PRIMARY KEY (activity_date, event_key)
);

-- Claude Code team export: month-to-date totals per person. A later export of a month
-- replaces that month's rows whole (the figures are cumulative, never added).
CREATE TABLE import_claude_code_team (
  month          DATE          NOT NULL,  -- first day of the month (--month)
  email          VARCHAR       NOT NULL,  -- lower-cased
  spend_usd      DECIMAL(38,9),           -- NULL when the export had no spend column
  lines          BIGINT        NOT NULL,
  spend_text     VARCHAR,                 -- as displayed: "$1,034.83"
  lines_text     VARCHAR       NOT NULL,  -- as displayed: "15,344"
  raw_json       JSON          NOT NULL,
  source_file    VARCHAR       NOT NULL,
  source_sha256  VARCHAR       NOT NULL,
  source_line    BIGINT        NOT NULL,
  _load_id       VARCHAR       NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (month, email)
);

-- Invoices: one row per invoice; total_usd is the sum of the lines of the import that last
-- wrote it. Lines whose _load_id differs from their invoice's were dropped by a later import
-- of that invoice and are ignored by the views.
CREATE TABLE import_invoices (
  provider       VARCHAR       NOT NULL,
  invoice_id     VARCHAR       NOT NULL,
  period_start   DATE          NOT NULL,  -- inclusive
  period_end     DATE          NOT NULL,  -- inclusive
  invoice_date   DATE,
  currency       VARCHAR       NOT NULL,  -- always USD (other currencies are refused)
  total_usd      DECIMAL(38,9) NOT NULL,
  line_count     BIGINT        NOT NULL,
  basis          VARCHAR       NOT NULL,  -- invoiced
  source_file    VARCHAR       NOT NULL,
  source_sha256  VARCHAR       NOT NULL,
  source_line    BIGINT        NOT NULL,  -- the invoice's first line
  _load_id       VARCHAR       NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (provider, invoice_id)
);

CREATE TABLE import_invoice_lines (
  provider       VARCHAR       NOT NULL,
  invoice_id     VARCHAR       NOT NULL,
  line_item      VARCHAR       NOT NULL,  -- as given, or the line's position in its invoice
  line_number    BIGINT        NOT NULL,  -- position in its invoice in the file
  period_start   DATE          NOT NULL,
  period_end     DATE          NOT NULL,
  service        VARCHAR,
  description    VARCHAR,
  quantity       DECIMAL(38,9),
  unit           VARCHAR,
  amount_usd     DECIMAL(38,9) NOT NULL,  -- negative for credits
  amount_text    VARCHAR       NOT NULL,  -- as written
  currency       VARCHAR       NOT NULL,
  basis          VARCHAR       NOT NULL,  -- invoiced
  raw_json       JSON          NOT NULL,
  source_file    VARCHAR       NOT NULL,
  source_sha256  VARCHAR       NOT NULL,
  source_line    BIGINT        NOT NULL,
  _load_id       VARCHAR       NOT NULL,
  _loaded_at     TIMESTAMP     NOT NULL,
  PRIMARY KEY (provider, invoice_id, line_item)
);

-- Identity map: identity (API key name or id, vendor user id, email, GitHub login) → person
-- and team, optionally per provider (NULL = any) and from valid_from (0001-01-01 = always).
-- An import replaces the whole map. map_key = JSON [identity, provider], null-safe.
CREATE TABLE identity_map (
  valid_from     DATE      NOT NULL,
  map_key        VARCHAR   NOT NULL,
  identity       VARCHAR   NOT NULL,      -- as given; lower-cased when it is an email
  provider       VARCHAR,                 -- anthropic | cursor | openai | github; NULL = any
  email          VARCHAR   NOT NULL,      -- lower-cased
  team           VARCHAR,
  name           VARCHAR,
  raw_json       JSON      NOT NULL,
  source_file    VARCHAR   NOT NULL,
  source_sha256  VARCHAR   NOT NULL,
  source_line    BIGINT    NOT NULL,
  _load_id       VARCHAR   NOT NULL,
  _loaded_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (valid_from, map_key)
);
