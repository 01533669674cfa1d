-- BigQuery twin of sql/duckdb/views/20_invoice_lines.sql (duckdb-sha256: 6542b7e7f0e5): same view, columns, meaning.
-- The current lines of every imported invoice (basis 'invoiced'). A line dropped from an
-- invoice by a later, corrected import keeps its old _load_id and is left out here, so the
-- lines of an invoice always sum to import_invoices.total_usd.
CREATE OR REPLACE VIEW `{{dataset}}.invoice_lines` AS
SELECT
  l.provider        AS provider,
  l.invoice_id      AS invoice_id,
  i.invoice_date    AS invoice_date,
  l.period_start    AS period_start,
  l.period_end      AS period_end,
  l.line_item       AS line_item,
  l.service         AS service,
  l.description     AS description,
  l.quantity        AS quantity,
  l.unit            AS unit,
  l.amount_usd      AS amount_usd,
  l.basis           AS basis,
  l.currency        AS currency
FROM `{{dataset}}.import_invoice_lines` AS l
JOIN `{{dataset}}.import_invoices` AS i
  ON i.provider = l.provider AND i.invoice_id = l.invoice_id AND i._load_id = l._load_id;
