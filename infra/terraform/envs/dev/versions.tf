# Root of the dev environment: its own state (gs://<bucket>/ai-usage/dev), so an apply here
# can never touch another environment. Everything it creates comes from modules/environment.

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
    prefix = "ai-usage/dev"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
