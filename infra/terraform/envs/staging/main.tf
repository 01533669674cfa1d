# Staging: ai_usage_staging + Cloud Run service ai-usage-pipeline-staging. Deployed by CI on
# every push to main (subject ref:refs/heads/main), smoke-tested before production. Runs daily
# an hour after production so both never hit the vendors' rate limits at the same time.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  wif_pool           = "projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/${var.wif_pool_id}"
  deployer_principal = "principal://iam.googleapis.com/${local.wif_pool}/subject/repo:${var.github_repository}:ref:refs/heads/main"
}

module "environment" {
  source = "../../modules/environment"

  project_id       = var.project_id
  region           = var.region
  environment      = "staging"
  dataset_id       = "ai_usage_staging"
  dataset_location = "US"
  # Staging proves the pipeline, it is not a record: three months of history is plenty.
  retention_days = 90

  create_cloud_run = true
  service_name     = "ai-usage-pipeline-staging"
  min_instances    = 0
  max_instances    = 1
  schedule         = "0 7 * * *"
  time_zone        = "America/Los_Angeles"
  github_org       = var.github_org
  # Staging may be torn down and rebuilt.
  deletion_protection = false

  deployer_principal  = local.deployer_principal
  deployer_can_invoke = true
  alert_emails        = var.alert_emails
  operators           = var.operators
  extra_run_invokers  = var.extra_run_invokers
}
