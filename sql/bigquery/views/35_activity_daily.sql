-- BigQuery twin of sql/duckdb/views/35_activity_daily.sql (duckdb-sha256: 687c928862d8): same view, columns, meaning.
-- Activity per day × provider × tool × identity across vendors: who was active, and the
-- productivity counters each tool reports (NULL where a tool has no such counter). Adding a
-- vendor = its 31_activity_daily_<vendor>.sql + one UNION ALL line with this column list.
-- Vocabulary: suggestions_* = inline completions shown/accepted (Cursor tabs, Copilot code
-- suggestions); edits_* = agent/apply edits proposed/accepted (Claude Code tool actions,
-- Cursor applies); lines_accepted = AI-written lines that were kept.
CREATE OR REPLACE VIEW `{{dataset}}.activity_daily` AS
SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
       suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
       lines_removed, lines_accepted, commits, pull_requests
FROM (
  SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
         suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
         lines_removed, lines_accepted, commits, pull_requests
  FROM `{{dataset}}.activity_daily_anthropic`
  UNION ALL
  SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
         suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
         lines_removed, lines_accepted, commits, pull_requests
  FROM `{{dataset}}.activity_daily_claude_ai`
  UNION ALL
  SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
         suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
         lines_removed, lines_accepted, commits, pull_requests
  FROM `{{dataset}}.activity_daily_cursor`
  UNION ALL
  SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
         suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
         lines_removed, lines_accepted, commits, pull_requests
  FROM `{{dataset}}.activity_daily_openai`
  UNION ALL
  SELECT usage_date, provider, tool, identity_type, identity, is_active, sessions, requests,
         suggestions_shown, suggestions_accepted, edits_proposed, edits_accepted, lines_added,
         lines_removed, lines_accepted, commits, pull_requests
  FROM `{{dataset}}.activity_daily_github`
) AS vendors;
