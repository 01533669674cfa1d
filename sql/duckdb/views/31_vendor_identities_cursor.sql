-- Cursor identities from its member list (cursor_members, every member ever seen). The email is
-- the identity every Cursor endpoint uses (usage events, daily rows, spend), so it names its
-- person directly; the user id names the same member, with the email as its alias (a map
-- entry for the email applies to the id). Cursor gives no team.
CREATE OR REPLACE VIEW vendor_identities_cursor AS
SELECT 'cursor' AS provider, 'email' AS identity_type, m.user_email AS identity,
       m.user_email AS email, m.name AS name, CAST(NULL AS VARCHAR) AS team,
       m.first_seen_date AS since, CAST(NULL AS VARCHAR) AS alias
FROM cursor_members AS m
UNION ALL
SELECT 'cursor', 'user_id', m.user_id, m.user_email, m.name, CAST(NULL AS VARCHAR),
       m.first_seen_date, m.user_email
FROM cursor_members AS m
WHERE m.user_id IS NOT NULL;
