# Inputs of one environment. Defaults are the production-shaped values; a root overrides only
# what differs (dataset, service name, retention, schedule), so environments differ by config.

variable "project_id" {
  description = "GCP project that holds this environment."
  type        = string
}

variable "region" {
  description = "Region of Cloud Run, Cloud Scheduler and Artifact Registry."
  type        = string
  default     = "us-central1"
}

variable "environment" {
  description = "Environment name; used in resource names and labels."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "dataset_id" {
  description = "BigQuery dataset the pipeline writes (AI_USAGE_BQ_DATASET)."
  type        = string
}

variable "dataset_location" {
  description = "BigQuery dataset location (AI_USAGE_BQ_LOCATION)."
  type        = string
  default     = "US"
}

variable "retention_days" {
  description = "Partition expiration in days for new partitioned tables; null keeps data forever."
  type        = number
  default     = null

  validation {
    condition     = var.retention_days == null ? true : var.retention_days >= 1
    error_message = "retention_days must be null or at least 1."
  }
}

variable "create_cloud_run" {
  description = "Create the Cloud Run service, jobs, schedule and alerts (false for dev: local container)."
  type        = bool
  default     = true
}

variable "service_name" {
  description = "Cloud Run service name; jobs and the scheduler job are named after it."
  type        = string
  default     = null
}

variable "image" {
  description = "Image for the first revision only. CI deploys every later image, so Terraform ignores it afterwards."
  type        = string
  default     = "us-docker.pkg.dev/cloudrun/container/hello"
}

variable "cpu" {
  description = "CPU limit of the service and jobs."
  type        = string
  default     = "1"
}

variable "memory" {
  description = "Memory limit of the service and jobs."
  type        = string
  default     = "1Gi"
}

variable "min_instances" {
  description = "Minimum instances; 0 lets the service scale to zero between daily runs."
  type        = number
  default     = 0
}

variable "max_instances" {
  description = "Maximum instances; 1 keeps a single runner per dataset (see the BigQuery single-runner note)."
  type        = number
  default     = 1
}

variable "request_timeout_seconds" {
  description = "Cloud Run request timeout; POST /run may hold its request for the whole run."
  type        = number
  default     = 3600
}

variable "ingress" {
  description = "Cloud Run ingress. Access is still gated by IAM: there is no public invoker binding."
  type        = string
  default     = "INGRESS_TRAFFIC_ALL"

  validation {
    condition = contains([
      "INGRESS_TRAFFIC_ALL",
      "INGRESS_TRAFFIC_INTERNAL_ONLY",
      "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
    ], var.ingress)
    error_message = "ingress must be a Cloud Run v2 ingress value."
  }
}

variable "deletion_protection" {
  description = "Refuse to destroy the Cloud Run service and jobs."
  type        = bool
  default     = true
}

variable "schedule" {
  description = "Cron expression of the daily run, read in time_zone."
  type        = string
  default     = "0 6 * * *"
}

variable "time_zone" {
  description = "IANA time zone of the schedule; a named zone keeps 6 AM Pacific across daylight saving."
  type        = string
  default     = "America/Los_Angeles"

  validation {
    condition     = can(regex("^[A-Za-z]+(/[A-Za-z_]+)+$", var.time_zone))
    error_message = "time_zone must be an IANA zone such as America/Los_Angeles, not a fixed offset."
  }
}

variable "scheduler_paused" {
  description = "Create the scheduler job paused."
  type        = bool
  default     = false
}

variable "scheduler_attempt_deadline" {
  description = "How long Cloud Scheduler waits for POST /run (30 minutes is the HTTP maximum)."
  type        = string
  default     = "1800s"
}

variable "backfill_task_timeout" {
  description = "Task timeout of the backfill job (long date ranges)."
  type        = string
  default     = "21600s"
}

variable "secret_env_vars" {
  description = "Vendor credentials to create secrets for and expose as env vars (drop a vendor the org does not use)."
  type        = list(string)
  default     = ["ANTHROPIC_ADMIN_API_KEY", "CURSOR_API_KEY", "OPENAI_ADMIN_KEY", "GITHUB_TOKEN"]

  validation {
    condition = alltrue([
      for name in var.secret_env_vars :
      contains(["ANTHROPIC_ADMIN_API_KEY", "CURSOR_API_KEY", "OPENAI_ADMIN_KEY", "GITHUB_TOKEN"], name)
    ])
    error_message = "secret_env_vars may only name the vendor credentials the app reads."
  }
}

variable "github_org" {
  description = "GitHub organization for Copilot metrics (GITHUB_ORG); null when Copilot is not collected."
  type        = string
  default     = null
}

variable "extra_env" {
  description = "Further plain (non-secret) env vars, e.g. AI_USAGE_LOG_LEVEL."
  type        = map(string)
  default     = {}
}

variable "deployer_principal" {
  description = "Workload Identity principal allowed to impersonate this environment's deployer; null creates no deployer."
  type        = string
  default     = null
}

variable "deployer_can_invoke" {
  description = "Let the deployer call the service (CI smoke test of GET /healthz)."
  type        = bool
  default     = false
}

variable "extra_run_invokers" {
  description = "Service-account emails the app accepts besides the scheduler (POST /run, GET /runs/:id), e.g. an on-call account."
  type        = list(string)
  default     = []
}

variable "runtime_impersonators" {
  description = "Principals (e.g. group:devs@example.com) that may impersonate the runtime account to run the CLI locally."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "E-mail addresses notified by the alert policies."
  type        = list(string)
  default     = []
}

variable "labels" {
  description = "Extra labels on labelled resources."
  type        = map(string)
  default     = {}
}

variable "operators" {
  description = "Principals (e.g. group:ai-usage-oncall@example.com) who may call the service (GET /runs/:id, dashboard) and read the dataset."
  type        = list(string)
  default     = []
}
