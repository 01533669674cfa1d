# Values to copy into the GitHub repository variables (see docs/deployment.md).

output "workload_identity_provider" {
  description = "GitHub variable GCP_WIF_PROVIDER."
  value       = google_iam_workload_identity_pool_provider.github.name
}

output "build_service_account" {
  description = "GitHub variable GCP_BUILD_SA."
  value       = google_service_account.build.email
}

output "image_repository" {
  description = "Docker repository the workflow pushes to."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}/ai-usage-pipeline"
}
