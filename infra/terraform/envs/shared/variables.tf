# Inputs of the shared root; see terraform.tfvars.example.

variable "project_id" {
  description = "GCP project of the pipeline."
  type        = string
}

variable "region" {
  description = "Region of Artifact Registry (and of the environments)."
  type        = string
  default     = "us-central1"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to authenticate (e.g. acme/ai-usage-pipeline)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "github_repository_id" {
  description = "Numeric id of that repository (immutable, unlike its name): gh api repos/OWNER/NAME --jq .id"
  type        = string

  validation {
    condition     = can(regex("^[0-9]+$", var.github_repository_id))
    error_message = "github_repository_id must be the numeric repository id."
  }
}

variable "wif_pool_id" {
  description = "Workload Identity pool id; environment roots use the same value."
  type        = string
  default     = "github"
}

variable "artifact_repository_id" {
  description = "Artifact Registry Docker repository (images: REGION-docker.pkg.dev/PROJECT/REPO/ai-usage-pipeline)."
  type        = string
  default     = "ai-usage"
}
