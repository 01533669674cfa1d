-- BigQuery twin of sql/duckdb/views/30_anthropic_workspace_tools.sql (duckdb-sha256: ba7057222637): same view, columns, meaning.
-- Which tool an Anthropic workspace's spend and usage belong to. Anthropic creates a workspace
-- named "Claude Code" the first time a Console user signs in to Claude Code, and Claude Code's
-- per-user API keys live there: its cost is Claude Code's (split by Claude Code user share);
-- every other workspace, and the Default workspace (no id, not listed), is the API's. This is
-- the one place the name is read: a renamed workspace counts as claude_api.
CREATE OR REPLACE VIEW `{{dataset}}.anthropic_workspace_tools` AS
SELECT
  w.id                                                                     AS workspace_id,
  CASE WHEN LOWER(TRIM(w.name)) = 'claude code' THEN 'claude_code'
       ELSE 'claude_api' END                                               AS tool
FROM `{{dataset}}.anthropic_workspaces` AS w;
