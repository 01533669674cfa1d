# Development: the ai_usage_dev dataset and dev secrets, used from a local container or the CLI.
# No Cloud Run, no schedule. Developers impersonate the dev runtime account, so local runs have
# exactly the production permissions shape (one dataset, jobUser, its own secrets) and no more.

module "environment" {
  source = "../../modules/environment"

  project_id       = var.project_id
  region           = var.region
  environment      = "dev"
  dataset_id       = "ai_usage_dev"
  dataset_location = "US"
  # Dev data is disposable: a month is enough to try views and backfills.
  retention_days = 30

  create_cloud_run      = false
  runtime_impersonators = var.developers
}
