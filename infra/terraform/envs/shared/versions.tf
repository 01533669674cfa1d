# Project-wide pieces every environment shares: enabled APIs, the Artifact Registry repository,
# the Workload Identity pool/provider for GitHub Actions and the image-pushing build account.
# Applied once, before the environment roots. State: gs://<bucket>/ai-usage/shared.

terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 7.0"
    }
  }

  # The bucket is passed at init: terraform init -backend-config="bucket=<project>-tfstate"
  backend "gcs" {
    prefix = "ai-usage/shared"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
