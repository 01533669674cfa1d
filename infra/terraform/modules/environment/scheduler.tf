# The daily trigger: POST ${service_url}/run at 6 AM in America/Los_Angeles (a named zone, so
# the run stays at 6 AM Pacific across daylight saving instead of drifting to 7 AM in summer).
# The OIDC token is minted for the scheduler account with the service URL as audience, which
# is what both Cloud Run's IAM check and the app's own check (AI_USAGE_RUN_AUDIENCE) expect.

resource "google_cloud_scheduler_job" "daily_run" {
  count = var.create_cloud_run ? 1 : 0

  project          = var.project_id
  region           = var.region
  name             = "${var.service_name}-daily"
  description      = "Daily ai-usage run (${var.environment}); see docs/runbook.md"
  schedule         = var.schedule
  time_zone        = var.time_zone
  paused           = var.scheduler_paused
  attempt_deadline = var.scheduler_attempt_deadline

  # Runs are idempotent (loads merge on keys), so a retry after a 5xx or a timeout is safe.
  retry_config {
    retry_count          = 3
    min_backoff_duration = "300s"
    max_backoff_duration = "1800s"
    max_doublings        = 2
    max_retry_duration   = "0s"
  }

  http_target {
    http_method = "POST"
    uri         = "${local.service_url}/run"
    headers = {
      "Content-Type" = "application/json"
    }
    # An empty JSON object: the service runs its default window (yesterday plus lookback).
    body = base64encode("{}")

    oidc_token {
      service_account_email = google_service_account.scheduler[0].email
      audience              = local.service_url
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.scheduler_invoker]
}
