-- BigQuery twin of sql/duckdb/views/20_claude_code_team_monthly.sql (duckdb-sha256: f0726ed88acb): same view, columns, meaning.
-- The Claude Code team export's month-to-date figures per person (ai-usage import
-- claude-code-team --month YYYY-MM): the latest export imported for each month. spend_usd is
-- the console's figure as displayed, NULL when the export had only lines. It is not in
-- cost_daily: for API customers that spend is already inside the Anthropic cost report.
CREATE OR REPLACE VIEW `{{dataset}}.claude_code_team_monthly` AS
SELECT
  t.month         AS month,
  t.email         AS email,
  t.spend_usd     AS spend_usd,
  t.lines         AS lines,
  t.source_file   AS source_file,
  t._loaded_at    AS imported_at
FROM `{{dataset}}.import_claude_code_team` AS t;
