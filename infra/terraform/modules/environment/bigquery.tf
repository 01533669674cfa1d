# The environment's dataset. Partition expiration comes from retention_days and applies to
# partitioned tables created after it is set; prevent_destroy because vendors keep only a
# rolling window of history, so a dropped dataset cannot be re-fetched.

resource "google_bigquery_dataset" "warehouse" {
  project       = var.project_id
  dataset_id    = var.dataset_id
  friendly_name = "AI usage (${var.environment})"
  description   = "AI-tool usage and cost loaded by ai-usage-pipeline (${var.environment}). Schema is owned by `ai-usage migrate`."
  location      = var.dataset_location

  default_partition_expiration_ms = var.retention_days == null ? null : var.retention_days * 86400000
  delete_contents_on_destroy      = false

  labels = local.labels

  lifecycle {
    prevent_destroy = true
  }
}
