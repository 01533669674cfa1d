-- BigQuery twin of sql/duckdb/views/31_vendor_identities_cursor.sql (duckdb-sha256: f2a8c9746afa): same view, columns, meaning.
-- Cursor identities from its member list (cursor_members, every member ever seen). The email is
-- the identity every Cursor endpoint uses (usage events, daily rows, spend), so it names its
-- person directly; the user id names the same member, with the email as its alias (a map
-- entry for the email applies to the id). Cursor gives no team.
CREATE OR REPLACE VIEW `{{dataset}}.vendor_identities_cursor` AS
SELECT 'cursor' AS provider, 'email' AS identity_type, m.user_email AS identity,
       m.user_email AS email, m.name AS name, CAST(NULL AS STRING) AS team,
       m.first_seen_date AS since, CAST(NULL AS STRING) AS alias
FROM `{{dataset}}.cursor_members` AS m
UNION ALL
SELECT 'cursor', 'user_id', m.user_id, m.user_email, m.name, CAST(NULL AS STRING),
       m.first_seen_date, m.user_email
FROM `{{dataset}}.cursor_members` AS m
WHERE m.user_id IS NOT NULL;
