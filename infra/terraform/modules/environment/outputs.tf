# What CI and operators need from an environment (GitHub variables, runbook commands).

output "dataset_id" {
  description = "BigQuery dataset of this environment."
  value       = google_bigquery_dataset.warehouse.dataset_id
}

output "runtime_service_account" {
  description = "Account the service and jobs run as."
  value       = google_service_account.runtime.email
}

output "scheduler_service_account" {
  description = "Account whose OIDC token calls POST /run (AI_USAGE_RUN_INVOKERS)."
  value       = one(google_service_account.scheduler[*].email)
}

output "deployer_service_account" {
  description = "Account GitHub Actions impersonates for this environment."
  value       = one(google_service_account.deployer[*].email)
}

output "service_url" {
  description = "Deterministic URL of the service (also the OIDC audience)."
  value       = local.service_url
}

output "job_names" {
  description = "Cloud Run jobs by purpose (backfill, migrate)."
  value       = { for key, job in google_cloud_run_v2_job.task : key => job.name }
}

output "secret_ids" {
  description = "Secret Manager secret per env var; add versions out of band."
  value       = { for name, secret in google_secret_manager_secret.vendor : name => secret.secret_id }
}

output "scheduler_job" {
  description = "Cloud Scheduler job that triggers the daily run."
  value       = one(google_cloud_scheduler_job.daily_run[*].name)
}
