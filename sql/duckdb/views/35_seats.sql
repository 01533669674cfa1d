-- Seats bought per tool and who holds each, as periods [seat_start, seat_end] (seat_end NULL =
-- still held; seat_start NULL = held since before our data). Adding a vendor = its
-- 31_seats_<vendor>.sql (Cursor members, Copilot seat assignments) + one UNION ALL line.
CREATE OR REPLACE VIEW seats AS
SELECT provider, tool, identity_type, identity, seat_start, seat_end
FROM (
  SELECT provider, tool, identity_type, identity, seat_start, seat_end
  FROM seats_anthropic
  UNION ALL
  SELECT provider, tool, identity_type, identity, seat_start, seat_end
  FROM seats_cursor
  UNION ALL
  SELECT provider, tool, identity_type, identity, seat_start, seat_end
  FROM seats_github
) AS vendors;
