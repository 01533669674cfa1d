# Names, labels and the env contract shared by the service and the jobs.
# The service URL is computed, not read from the service: Cloud Run's deterministic URL
# (https://SERVICE-PROJECT_NUMBER.REGION.run.app) is known before the service exists, so the
# service can be told its own OIDC audience and the scheduler can target it without a cycle.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  prefix = "ai-usage-${var.environment}"

  labels = merge({
    app         = "ai-usage-pipeline"
    environment = var.environment
    managed-by  = "terraform"
  }, var.labels)

  service_url = var.create_cloud_run ? "https://${var.service_name}-${data.google_project.this.number}.${var.region}.run.app" : null

  # ANTHROPIC_ADMIN_API_KEY -> ai-usage-production-anthropic-admin-api-key
  secret_ids = {
    for name in var.secret_env_vars : name => "${local.prefix}-${replace(lower(name), "_", "-")}"
  }

  # Plain settings read by src/config; nulls are dropped so unset options stay unset.
  common_env = {
    for name, value in merge({
      AI_USAGE_WAREHOUSE      = "bigquery"
      AI_USAGE_BQ_PROJECT     = var.project_id
      AI_USAGE_BQ_DATASET     = var.dataset_id
      AI_USAGE_BQ_LOCATION    = var.dataset_location
      AI_USAGE_RETENTION_DAYS = var.retention_days == null ? null : tostring(var.retention_days)
      GITHUB_ORG              = var.github_org
      # Not set by Cloud Run itself; the app uses it for Cloud Logging trace ids.
      GOOGLE_CLOUD_PROJECT = var.project_id
    }, var.extra_env) : name => value if value != null
  }

  # Only the service verifies callers: the audience it expects and who may start a run.
  service_env = {
    for name, value in merge(local.common_env, {
      AI_USAGE_RUN_AUDIENCE = local.service_url
      AI_USAGE_RUN_INVOKERS = join(",", compact(concat(google_service_account.scheduler[*].email, var.extra_run_invokers)))
    }) : name => value if var.create_cloud_run && value != null
  }

  # One image, two batch entry points: `ai-usage run` (backfills; args overridden per execution)
  # and `ai-usage migrate` (executed by CI before each deploy).
  job_specs = {
    backfill = { args = ["run"], timeout = var.backfill_task_timeout, max_retries = 1 }
    migrate  = { args = ["migrate"], timeout = "1800s", max_retries = 0 }
  }
  jobs = { for name, spec in local.job_specs : name => spec if var.create_cloud_run }
}
