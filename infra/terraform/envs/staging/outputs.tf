# Values for the GitHub repository variables and the runbook.

output "service_url" {
  description = "Service URL and OIDC audience."
  value       = module.environment.service_url
}

output "deployer_service_account" {
  description = "GitHub variable for this environment's deployer."
  value       = module.environment.deployer_service_account
}

output "runtime_service_account" {
  description = "Account the service and jobs run as."
  value       = module.environment.runtime_service_account
}

output "job_names" {
  description = "Cloud Run jobs (backfill, migrate)."
  value       = module.environment.job_names
}

output "secret_ids" {
  description = "Add a version to each: gcloud secrets versions add NAME --data-file=-"
  value       = module.environment.secret_ids
}

output "scheduler_job" {
  description = "Daily Cloud Scheduler job."
  value       = module.environment.scheduler_job
}
