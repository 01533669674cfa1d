-- OpenAI organization admin API tables. BigQuery dialect of sql/duckdb/migrations/0004_openai.sql:
-- same tables and columns. Money is NUMERIC (exactly DECIMAL(38,9)) dollars parsed from the
-- exact text of the API's JSON number. `line_key` is a deterministic, null-safe text key of a
-- row's grouping values. Keys are NOT ENFORCED (BigQuery checks none): the loader's MERGE on
-- them is what keeps rows unique. Daily fact tables: PARTITION BY usage_date (the UTC bucket
-- day) with the configured retention as partition expiration, CLUSTER BY what the views group
-- and filter by (project, key, model). Dimension tables are small, unpartitioned (they must
-- never expire) and clustered by id. Every table ends with _load_id/_loaded_at.

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_costs` (
  usage_date    DATE          NOT NULL,   -- UTC bucket day
  line_key      STRING        NOT NULL,   -- of project_id, line_item, api_key_id
  project_id    STRING,
  line_item     STRING,                   -- free text: "gpt-5-2025-08-07, cached input", …
  api_key_id    STRING,                   -- NULL when not grouped by key, or a keyless line
  service       STRING        NOT NULL,   -- derived from line_item: usage endpoint name or 'other'
  model         STRING,                   -- derived from line_item
  sku           STRING,                   -- derived: the line item's part after the model
  unit          STRING,                   -- derived: tokens, images, characters, seconds, calls, …
  quantity      NUMERIC,                  -- filled when grouped by line_item
  currency      STRING        NOT NULL,   -- lower case, as sent ('usd')
  amount_value  STRING        NOT NULL,   -- amount.value exactly as sent (dollars)
  amount_usd    NUMERIC       NOT NULL,   -- exact: amount_value
  raw_json      JSON          NOT NULL,
  _load_id      STRING        NOT NULL,
  _loaded_at    TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, service, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- input_tokens INCLUDES input_cached_tokens (and input_cache_write_tokens where reported):
-- uncached input = input_tokens - input_cached_tokens - coalesce(input_cache_write_tokens, 0).
CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_completions` (
  usage_date               DATE      NOT NULL,
  line_key                 STRING    NOT NULL,
  project_id               STRING,
  user_id                  STRING,              -- the key's owner; NULL for service accounts
  api_key_id               STRING,
  model                    STRING,
  batch                    BOOL,
  service_tier             STRING,
  input_tokens             INT64     NOT NULL,
  output_tokens            INT64     NOT NULL,
  input_cached_tokens      INT64     NOT NULL,
  num_model_requests       INT64     NOT NULL,
  input_audio_tokens       INT64,
  output_audio_tokens      INT64,
  input_cache_write_tokens INT64,               -- newer API versions only
  raw_json                 JSON      NOT NULL,
  _load_id                 STRING    NOT NULL,
  _loaded_at               TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_embeddings` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  input_tokens        INT64     NOT NULL,
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_moderations` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  input_tokens        INT64     NOT NULL,
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_images` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  size                STRING,               -- '1024x1024', …
  source              STRING,               -- image.generation | image.edit | image.variation
  images              INT64     NOT NULL,
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_audio_speeches` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  characters          INT64     NOT NULL,
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_audio_transcriptions` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  seconds             INT64     NOT NULL,
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- A stock, not a flow: the bytes stored during the day. Average or take the last day, never sum
-- days together.
CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_vector_stores` (
  usage_date   DATE      NOT NULL,
  line_key     STRING    NOT NULL,
  project_id   STRING,
  usage_bytes  INT64     NOT NULL,
  raw_json     JSON      NOT NULL,
  _load_id     STRING    NOT NULL,
  _loaded_at   TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_code_interpreter_sessions` (
  usage_date    DATE      NOT NULL,
  line_key      STRING    NOT NULL,
  project_id    STRING,
  num_sessions  INT64     NOT NULL,
  raw_json      JSON      NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_file_search_calls` (
  usage_date       DATE      NOT NULL,
  line_key         STRING    NOT NULL,
  project_id       STRING,
  user_id          STRING,
  api_key_id       STRING,
  vector_store_id  STRING,
  num_requests     INT64     NOT NULL,   -- tool calls
  raw_json         JSON      NOT NULL,
  _load_id         STRING    NOT NULL,
  _loaded_at       TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

-- num_model_requests here are model requests that searched: they are also counted in
-- openai_usage_completions.num_model_requests.
CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_usage_web_search_calls` (
  usage_date          DATE      NOT NULL,
  line_key            STRING    NOT NULL,
  project_id          STRING,
  user_id             STRING,
  api_key_id          STRING,
  model               STRING,
  context_level       STRING,
  num_requests        INT64     NOT NULL,   -- tool calls
  num_model_requests  INT64     NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            STRING    NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key) NOT ENFORCED
)
PARTITION BY usage_date
CLUSTER BY project_id, api_key_id, model
OPTIONS (
  partition_expiration_days = {{partition_expiration_days}},
  require_partition_filter = FALSE
);

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_projects` (
  id            STRING    NOT NULL,
  name          STRING,
  status        STRING,               -- active | archived
  created_at    TIMESTAMP,
  archived_at   TIMESTAMP,
  last_seen_at  TIMESTAMP NOT NULL,   -- last run that listed it
  raw_json      JSON      NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;

CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_users` (
  id            STRING    NOT NULL,
  email         STRING,               -- lower-cased
  name          STRING,
  role          STRING,               -- owner | reader
  added_at      TIMESTAMP,
  last_seen_at  TIMESTAMP NOT NULL,   -- last run that listed it (removed users are kept)
  raw_json      JSON      NOT NULL,
  _load_id      STRING    NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;

-- Project API keys of every project, listed with owner_project_access=any: keys of members
-- removed from a project are 'inactive' but their ids still appear in older usage.
CREATE TABLE IF NOT EXISTS `{{dataset}}.openai_api_keys` (
  id                        STRING    NOT NULL,
  project_id                STRING    NOT NULL,
  name                      STRING,
  redacted_value            STRING,
  created_at                TIMESTAMP,
  last_used_at              TIMESTAMP,
  owner_type                STRING,             -- user | service_account
  owner_user_id             STRING,
  owner_user_email          STRING,             -- lower-cased
  owner_service_account_id  STRING,
  owner_name                STRING,
  owner_role                STRING,             -- the owner's role in the project
  owner_project_access      STRING,             -- active | inactive
  last_seen_at              TIMESTAMP NOT NULL,
  raw_json                  JSON      NOT NULL,
  _load_id                  STRING    NOT NULL,
  _loaded_at                TIMESTAMP NOT NULL,
  PRIMARY KEY (id) NOT ENFORCED
)
CLUSTER BY id;
