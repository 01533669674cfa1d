# Identities and their least-privilege grants. The runtime account can write its own dataset,
# run query jobs and read its own secrets; the scheduler account can only invoke its service;
# the deployer (GitHub via Workload Identity) can roll out revisions and run the migrate job,
# but cannot change IAM, so it can never make the service public.

resource "google_service_account" "runtime" {
  project      = var.project_id
  account_id   = "${local.prefix}-run"
  display_name = "ai-usage-pipeline runtime (${var.environment})"
}

resource "google_bigquery_dataset_iam_member" "runtime_data_editor" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.warehouse.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.runtime.email}"
}

# Query jobs are billed to a project, so jobUser has no narrower scope than the project.
resource "google_project_iam_member" "runtime_job_user" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.runtime.email}"
}

resource "google_secret_manager_secret_iam_member" "runtime_secret_accessor" {
  for_each = google_secret_manager_secret.vendor

  project   = var.project_id
  secret_id = each.value.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.runtime.email}"
}

# Developers run the CLI locally as the runtime account (dev), never with their own broad roles.
resource "google_service_account_iam_member" "runtime_impersonators" {
  for_each = toset(var.runtime_impersonators)

  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = each.value
}

resource "google_service_account" "scheduler" {
  count = var.create_cloud_run ? 1 : 0

  project      = var.project_id
  account_id   = "${local.prefix}-sched"
  display_name = "ai-usage-pipeline scheduler (${var.environment})"
}

resource "google_cloud_run_v2_service_iam_member" "scheduler_invoker" {
  count = var.create_cloud_run ? 1 : 0

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.pipeline[0].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.scheduler[0].email}"
}

# People on call: call the private service and read (never write) the dataset. Running
# queries also needs roles/bigquery.jobUser on the project, which is granted outside this
# module because it is project-wide.
resource "google_cloud_run_v2_service_iam_member" "operator_invoker" {
  for_each = var.create_cloud_run ? toset(var.operators) : toset([])

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.pipeline[0].name
  role     = "roles/run.invoker"
  member   = each.value
}

resource "google_bigquery_dataset_iam_member" "operator_viewer" {
  for_each = toset(var.operators)

  project    = var.project_id
  dataset_id = google_bigquery_dataset.warehouse.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = each.value
}
