# The CI identity for this environment. GitHub Actions impersonates it through Workload
# Identity Federation (no JSON key exists). Every grant is on a single resource: deploy this
# service and its jobs, act as this runtime account, and optionally call the service for the
# smoke test. run.developer has no setIamPolicy, so CI cannot add a public invoker.

locals {
  create_deployer = var.create_cloud_run && var.deployer_principal != null
}

resource "google_service_account" "deployer" {
  count = local.create_deployer ? 1 : 0

  project      = var.project_id
  account_id   = "${local.prefix}-deploy"
  display_name = "ai-usage-pipeline GitHub deployer (${var.environment})"
}

resource "google_service_account_iam_member" "deployer_workload_identity" {
  count = local.create_deployer ? 1 : 0

  service_account_id = google_service_account.deployer[0].name
  role               = "roles/iam.workloadIdentityUser"
  member             = var.deployer_principal
}

# Deploying a revision that runs as the runtime account requires actAs on that account only.
resource "google_service_account_iam_member" "deployer_acts_as_runtime" {
  count = local.create_deployer ? 1 : 0

  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.deployer[0].email}"
}

resource "google_cloud_run_v2_service_iam_member" "deployer_developer" {
  count = local.create_deployer ? 1 : 0

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.pipeline[0].name
  role     = "roles/run.developer"
  member   = "serviceAccount:${google_service_account.deployer[0].email}"
}

resource "google_cloud_run_v2_job_iam_member" "deployer_developer" {
  for_each = { for key, job in google_cloud_run_v2_job.task : key => job.name if local.create_deployer }

  project  = var.project_id
  location = var.region
  name     = each.value
  role     = "roles/run.developer"
  member   = "serviceAccount:${google_service_account.deployer[0].email}"
}

resource "google_cloud_run_v2_service_iam_member" "deployer_invoker" {
  count = local.create_deployer && var.deployer_can_invoke ? 1 : 0

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.pipeline[0].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.deployer[0].email}"
}
