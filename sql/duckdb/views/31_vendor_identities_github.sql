-- GitHub identities: every Copilot login seen (seat lists, the users reports, per-user premium
-- billing). GitHub gives logins, never emails, so a login names no person until the identity
-- map does (identity_type 'github_login', email NULL): unmapped, its spend and activity show as
-- 'Unmapped'. since = the first day the login was seen (its seat's creation when known).
CREATE OR REPLACE VIEW vendor_identities_github AS
WITH logins AS (
  SELECT s.assignee_login AS login,
         COALESCE(CAST(s.created_at AS DATE), s.snapshot_date) AS seen_date
  FROM github_copilot_seats AS s
  UNION ALL
  SELECT u.user_login, u.usage_date FROM github_copilot_user_daily AS u
  UNION ALL
  SELECT p.user_login, p.usage_date
  FROM github_copilot_premium_user_usage AS p
  WHERE p.user_login <> '(unattributed)'
)
SELECT 'github' AS provider, 'github_login' AS identity_type, g.login AS identity,
       CAST(NULL AS VARCHAR) AS email, CAST(NULL AS VARCHAR) AS name,
       CAST(NULL AS VARCHAR) AS team, MIN(g.seen_date) AS since, CAST(NULL AS VARCHAR) AS alias
FROM logins AS g
GROUP BY g.login;
