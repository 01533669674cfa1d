# What a developer needs to run against the dev dataset (docs/deployment.md, "Dev").

output "runtime_service_account" {
  description = "Impersonate it: gcloud auth application-default login --impersonate-service-account=..."
  value       = module.environment.runtime_service_account
}

output "dataset_id" {
  description = "AI_USAGE_BQ_DATASET for local runs."
  value       = module.environment.dataset_id
}

output "secret_ids" {
  description = "Use as sm://projects/PROJECT/secrets/NAME in a local .env."
  value       = module.environment.secret_ids
}
