# Alerts on platform signals that do not depend on the app's event names: a failed scheduler
# attempt, ERROR logs from the service, and ERROR logs from a job execution. docs/runbook.md
# ("What alerts mean") says what to do for each; the policy documentation links there.

resource "google_monitoring_notification_channel" "email" {
  for_each = var.create_cloud_run ? toset(var.alert_emails) : toset([])

  project      = var.project_id
  display_name = "ai-usage ${var.environment}: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

locals {
  alert_filters = {
    scheduler-attempt-failed = join(" AND ", [
      "resource.type=\"cloud_scheduler_job\"",
      "resource.labels.job_id=\"${coalesce(var.service_name, "none")}-daily\"",
      "severity>=ERROR",
    ])
    service-error-logs = join(" AND ", [
      "resource.type=\"cloud_run_revision\"",
      "resource.labels.service_name=\"${coalesce(var.service_name, "none")}\"",
      "severity>=ERROR",
    ])
    job-error-logs = join(" AND ", [
      "resource.type=\"cloud_run_job\"",
      "resource.labels.job_name=~\"^${coalesce(var.service_name, "none")}-\"",
      "severity>=ERROR",
    ])
  }
}

resource "google_monitoring_alert_policy" "logs" {
  for_each = { for name, filter in local.alert_filters : name => filter if var.create_cloud_run }

  project      = var.project_id
  display_name = "ai-usage ${var.environment}: ${each.key}"
  combiner     = "OR"
  severity     = var.environment == "production" ? "ERROR" : "WARNING"

  conditions {
    display_name = each.key
    condition_matched_log {
      filter = each.value
    }
  }

  alert_strategy {
    notification_rate_limit {
      period = "3600s"
    }
    auto_close = "86400s"
  }

  notification_channels = [for channel in google_monitoring_notification_channel.email : channel.id]

  documentation {
    mime_type = "text/markdown"
    content   = "ai-usage-pipeline ${var.environment}: `${each.key}`. See docs/runbook.md, section \"What alerts mean\"."
  }

  user_labels = local.labels
}
