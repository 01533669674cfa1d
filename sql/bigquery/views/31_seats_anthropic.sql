-- BigQuery twin of sql/duckdb/views/31_seats_anthropic.sql (duckdb-sha256: c81e44ab3870): same view, columns, meaning.
-- Seats per tool and holder (seat extension point: one 31_seats_<vendor>.sql per vendor,
-- unioned in 35_seats). Anthropic has no seat list for Claude Code on API billing: a Console
-- member whose role may run Claude Code (developer, claude_code_user, admin, owners) holds a
-- Claude Code seat from the day they were added. A member missing from the latest users
-- listing (last_seen_at older than the newest) left on the day they were last seen.
CREATE OR REPLACE VIEW `{{dataset}}.seats_anthropic` AS
SELECT
  'anthropic'                                                         AS provider,
  'claude_code'                                                       AS tool,
  'email'                                                             AS identity_type,
  u.email                                                             AS identity,
  CAST(u.added_at AS DATE)                                            AS seat_start,
  CASE WHEN u.last_seen_at < l.latest THEN CAST(u.last_seen_at AS DATE) END AS seat_end
FROM `{{dataset}}.anthropic_users` AS u
CROSS JOIN (SELECT MAX(last_seen_at) AS latest FROM `{{dataset}}.anthropic_users`) AS l
WHERE u.email IS NOT NULL
  AND u.role IN ('developer', 'claude_code_user', 'admin', 'owner', 'primary_owner');
