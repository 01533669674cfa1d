-- OpenAI organization admin API tables. Every field the API sends is kept, typed, plus the raw
-- item in raw_json (numbers written back exactly as sent). Money is DECIMAL(38,9) dollars parsed
-- from the exact text of the API's JSON number (never through a float). `line_key` is a
-- deterministic text key of a row's grouping values, null-safe (grouping fields are NULL when
-- the API leaves them NULL, e.g. storage lines have no api_key_id), so keys never hold NULLs.
-- Usage tables: one per endpoint, grouped by every dimension it accepts (finest grain: no row
-- is a subtotal of another). Every table ends with _load_id/_loaded_at, filled by the warehouse.

CREATE TABLE openai_costs (
  usage_date    DATE          NOT NULL,   -- UTC bucket day
  line_key      VARCHAR       NOT NULL,   -- of project_id, line_item, api_key_id
  project_id    VARCHAR,
  line_item     VARCHAR,                  -- free text: "gpt-5-2025-08-07, cached input", …
  api_key_id    VARCHAR,                  -- NULL when not grouped by key, or a keyless line
  service       VARCHAR       NOT NULL,   -- derived from line_item: usage endpoint name or 'other'
  model         VARCHAR,                  -- derived from line_item
  sku           VARCHAR,                  -- derived: the line item's part after the model
  unit          VARCHAR,                  -- derived: tokens, images, characters, seconds, calls, …
  quantity      DECIMAL(38,9),            -- filled when grouped by line_item
  currency      VARCHAR       NOT NULL,   -- lower case, as sent ('usd')
  amount_value  VARCHAR       NOT NULL,   -- amount.value exactly as sent (dollars)
  amount_usd    DECIMAL(38,9) NOT NULL,   -- exact: amount_value
  raw_json      JSON          NOT NULL,
  _load_id      VARCHAR       NOT NULL,
  _loaded_at    TIMESTAMP     NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

-- input_tokens INCLUDES input_cached_tokens (and input_cache_write_tokens where reported):
-- uncached input = input_tokens - input_cached_tokens - coalesce(input_cache_write_tokens, 0).
CREATE TABLE openai_usage_completions (
  usage_date               DATE      NOT NULL,
  line_key                 VARCHAR   NOT NULL,
  project_id               VARCHAR,
  user_id                  VARCHAR,             -- the key's owner; NULL for service accounts
  api_key_id               VARCHAR,
  model                    VARCHAR,
  batch                    BOOLEAN,
  service_tier             VARCHAR,
  input_tokens             BIGINT    NOT NULL,
  output_tokens            BIGINT    NOT NULL,
  input_cached_tokens      BIGINT    NOT NULL,
  num_model_requests       BIGINT    NOT NULL,
  input_audio_tokens       BIGINT,
  output_audio_tokens      BIGINT,
  input_cache_write_tokens BIGINT,              -- newer API versions only
  raw_json                 JSON      NOT NULL,
  _load_id                 VARCHAR   NOT NULL,
  _loaded_at               TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_embeddings (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  input_tokens        BIGINT    NOT NULL,
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_moderations (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  input_tokens        BIGINT    NOT NULL,
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_images (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  size                VARCHAR,              -- '1024x1024', …
  source              VARCHAR,              -- image.generation | image.edit | image.variation
  images              BIGINT    NOT NULL,
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_audio_speeches (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  characters          BIGINT    NOT NULL,
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_audio_transcriptions (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  seconds             BIGINT    NOT NULL,
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

-- A stock, not a flow: the bytes stored during the day. Average or take the last day, never sum
-- days together.
CREATE TABLE openai_usage_vector_stores (
  usage_date   DATE      NOT NULL,
  line_key     VARCHAR   NOT NULL,
  project_id   VARCHAR,
  usage_bytes  BIGINT    NOT NULL,
  raw_json     JSON      NOT NULL,
  _load_id     VARCHAR   NOT NULL,
  _loaded_at   TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_code_interpreter_sessions (
  usage_date    DATE      NOT NULL,
  line_key      VARCHAR   NOT NULL,
  project_id    VARCHAR,
  num_sessions  BIGINT    NOT NULL,
  raw_json      JSON      NOT NULL,
  _load_id      VARCHAR   NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_usage_file_search_calls (
  usage_date       DATE      NOT NULL,
  line_key         VARCHAR   NOT NULL,
  project_id       VARCHAR,
  user_id          VARCHAR,
  api_key_id       VARCHAR,
  vector_store_id  VARCHAR,
  num_requests     BIGINT    NOT NULL,   -- tool calls
  raw_json         JSON      NOT NULL,
  _load_id         VARCHAR   NOT NULL,
  _loaded_at       TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

-- num_model_requests here are model requests that searched: they are also counted in
-- openai_usage_completions.num_model_requests.
CREATE TABLE openai_usage_web_search_calls (
  usage_date          DATE      NOT NULL,
  line_key            VARCHAR   NOT NULL,
  project_id          VARCHAR,
  user_id             VARCHAR,
  api_key_id          VARCHAR,
  model               VARCHAR,
  context_level       VARCHAR,
  num_requests        BIGINT    NOT NULL,   -- tool calls
  num_model_requests  BIGINT    NOT NULL,
  raw_json            JSON      NOT NULL,
  _load_id            VARCHAR   NOT NULL,
  _loaded_at          TIMESTAMP NOT NULL,
  PRIMARY KEY (usage_date, line_key)
);

CREATE TABLE openai_projects (
  id            VARCHAR   NOT NULL PRIMARY KEY,
  name          VARCHAR,
  status        VARCHAR,              -- active | archived
  created_at    TIMESTAMP,
  archived_at   TIMESTAMP,
  last_seen_at  TIMESTAMP NOT NULL,   -- last run that listed it
  raw_json      JSON      NOT NULL,
  _load_id      VARCHAR   NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL
);

CREATE TABLE openai_users (
  id            VARCHAR   NOT NULL PRIMARY KEY,
  email         VARCHAR,              -- lower-cased
  name          VARCHAR,
  role          VARCHAR,              -- owner | reader
  added_at      TIMESTAMP,
  last_seen_at  TIMESTAMP NOT NULL,   -- last run that listed it (removed users are kept)
  raw_json      JSON      NOT NULL,
  _load_id      VARCHAR   NOT NULL,
  _loaded_at    TIMESTAMP NOT NULL
);

-- Project API keys of every project, listed with owner_project_access=any: keys of members
-- removed from a project are 'inactive' but their ids still appear in older usage.
CREATE TABLE openai_api_keys (
  id                        VARCHAR   NOT NULL PRIMARY KEY,
  project_id                VARCHAR   NOT NULL,
  name                      VARCHAR,
  redacted_value            VARCHAR,
  created_at                TIMESTAMP,
  last_used_at              TIMESTAMP,
  owner_type                VARCHAR,            -- user | service_account
  owner_user_id             VARCHAR,
  owner_user_email          VARCHAR,            -- lower-cased
  owner_service_account_id  VARCHAR,
  owner_name                VARCHAR,
  owner_role                VARCHAR,            -- the owner's role in the project
  owner_project_access      VARCHAR,            -- active | inactive
  last_seen_at              TIMESTAMP NOT NULL,
  raw_json                  JSON      NOT NULL,
  _load_id                  VARCHAR   NOT NULL,
  _loaded_at                TIMESTAMP NOT NULL
);
