# Inputs of the dev root; see terraform.tfvars.example.

variable "project_id" {
  description = "GCP project of the pipeline."
  type        = string
}

variable "region" {
  description = "Default region."
  type        = string
  default     = "us-central1"
}

variable "developers" {
  description = "Principals (e.g. group:ai-usage-devs@example.com) allowed to run the CLI as the dev runtime account."
  type        = list(string)
  default     = []
}
