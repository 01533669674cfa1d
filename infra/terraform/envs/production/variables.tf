# Inputs of this root; see terraform.tfvars.example.

variable "project_id" {
  description = "GCP project of the pipeline."
  type        = string
}

variable "region" {
  description = "Region of Cloud Run and Cloud Scheduler."
  type        = string
  default     = "us-central1"
}

variable "github_repository" {
  description = "owner/name of the repository whose workflow deploys here (same as in envs/shared)."
  type        = string
}

variable "wif_pool_id" {
  description = "Workload Identity pool created by envs/shared."
  type        = string
  default     = "github"
}

variable "github_org" {
  description = "GitHub organization for Copilot metrics (GITHUB_ORG); null if Copilot is not collected."
  type        = string
  default     = null
}

variable "alert_emails" {
  description = "Who is e-mailed by this environment's alert policies."
  type        = list(string)
  default     = []
}

variable "operators" {
  description = "Who may call the service (GET /runs/:id) and read the dataset, e.g. group:ai-usage-oncall@example.com."
  type        = list(string)
  default     = []
}

variable "extra_run_invokers" {
  description = "Service accounts the app accepts besides the scheduler (POST /run, GET /runs/:id)."
  type        = list(string)
  default     = []
}
