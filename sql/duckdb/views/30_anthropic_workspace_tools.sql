-- Which tool an Anthropic workspace's spend and usage belong to. Anthropic creates a workspace
-- named "Claude Code" the first time a Console user signs in to Claude Code, and Claude Code's
-- per-user API keys live there: its cost is Claude Code's (split by Claude Code user share);
-- every other workspace, and the Default workspace (no id, not listed), is the API's. This is
-- the one place the name is read: a renamed workspace counts as claude_api.
CREATE OR REPLACE VIEW anthropic_workspace_tools AS
SELECT
  w.id                                                                     AS workspace_id,
  CASE WHEN LOWER(TRIM(w.name)) = 'claude code' THEN 'claude_code'
       ELSE 'claude_api' END                                               AS tool
FROM anthropic_workspaces AS w;
