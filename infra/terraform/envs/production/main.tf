# Production: ai_usage + Cloud Run service ai-usage-pipeline, triggered at 6 AM Pacific.
# Only jobs running in the GitHub environment `production` (required reviewers) can
# impersonate the production deployer: its principal is that environment's OIDC subject.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  wif_pool           = "projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/${var.wif_pool_id}"
  deployer_principal = "principal://iam.googleapis.com/${local.wif_pool}/subject/repo:${var.github_repository}:environment:production"
}

module "environment" {
  source = "../../modules/environment"

  project_id       = var.project_id
  region           = var.region
  environment      = "production"
  dataset_id       = "ai_usage"
  dataset_location = "US"
  # Finance compares years and quarters: keep three years of daily partitions.
  retention_days = 1095

  create_cloud_run    = true
  service_name        = "ai-usage-pipeline"
  min_instances       = 0
  max_instances       = 1
  schedule            = "0 6 * * *"
  time_zone           = "America/Los_Angeles"
  github_org          = var.github_org
  deletion_protection = true

  deployer_principal  = local.deployer_principal
  deployer_can_invoke = false
  alert_emails        = var.alert_emails
  operators           = var.operators
  extra_run_invokers  = var.extra_run_invokers
}
