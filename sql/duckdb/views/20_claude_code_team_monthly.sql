-- The Claude Code team export's month-to-date figures per person (ai-usage import
-- claude-code-team --month YYYY-MM): the latest export imported for each month. spend_usd is
-- the console's figure as displayed, NULL when the export had only lines. It is not in
-- cost_daily: for API customers that spend is already inside the Anthropic cost report.
CREATE OR REPLACE VIEW claude_code_team_monthly AS
SELECT
  t.month         AS month,
  t.email         AS email,
  t.spend_usd     AS spend_usd,
  t.lines         AS lines,
  t.source_file   AS source_file,
  t._loaded_at    AS imported_at
FROM import_claude_code_team AS t;
