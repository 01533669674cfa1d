# One environment of the AI usage pipeline: its BigQuery dataset, vendor secrets, identities and
# (for staging and production) the Cloud Run service, jobs, daily schedule and alerts.
# Environment roots under ../../envs call this module; nothing here is environment-specific.

terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 7.0"
    }
  }
}
