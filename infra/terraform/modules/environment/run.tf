# The Cloud Run service (`ai-usage serve`) and the two jobs on the same image. Secrets reach
# the container as native secret_key_ref env vars: Cloud Run reads Secret Manager when an
# instance starts, a missing grant fails the deploy instead of the 6 AM run, and the app needs
# no sm:// resolution on GCP (sm:// stays for running the CLI elsewhere). Terraform creates
# the first revision; CI owns the image afterwards, hence ignore_changes on it.

resource "google_cloud_run_v2_service" "pipeline" {
  count = var.create_cloud_run ? 1 : 0

  project              = var.project_id
  name                 = var.service_name
  location             = var.region
  description          = "ai-usage-pipeline (${var.environment}): POST /run, GET /healthz, /readyz, /runs/:id"
  ingress              = var.ingress
  invoker_iam_disabled = false
  deletion_protection  = var.deletion_protection
  labels               = local.labels

  template {
    service_account                  = google_service_account.runtime.email
    timeout                          = "${var.request_timeout_seconds}s"
    max_instance_request_concurrency = 10
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    labels                           = local.labels

    scaling {
      min_instance_count = var.min_instances
      max_instance_count = var.max_instances
    }

    containers {
      image = var.image

      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = var.cpu
          memory = var.memory
        }
        # CPU stays allocated outside requests: a run started by POST /run may keep working
        # after the response (GET /runs/:id reports it), and throttled CPU would stall it.
        cpu_idle          = false
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = local.service_env
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = google_secret_manager_secret.vendor
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value.secret_id
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        http_get {
          path = "/readyz"
        }
        period_seconds    = 5
        timeout_seconds   = 3
        failure_threshold = 24
      }

      liveness_probe {
        http_get {
          path = "/healthz"
        }
        period_seconds    = 30
        timeout_seconds   = 5
        failure_threshold = 3
      }
    }
  }

  traffic {
    type    = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
    percent = 100
  }

  lifecycle {
    precondition {
      condition     = var.service_name != null
      error_message = "service_name is required when create_cloud_run is true."
    }
    # CI deploys images and may shift traffic for a rollback; Terraform keeps the rest.
    ignore_changes = [
      template[0].containers[0].image,
      traffic,
      client,
      client_version,
    ]
  }

  depends_on = [google_secret_manager_secret_iam_member.runtime_secret_accessor]
}

resource "google_cloud_run_v2_job" "task" {
  for_each = local.jobs

  project             = var.project_id
  name                = "${var.service_name}-${each.key}"
  location            = var.region
  deletion_protection = var.deletion_protection
  labels              = local.labels

  template {
    task_count  = 1
    parallelism = 1
    labels      = local.labels

    template {
      service_account = google_service_account.runtime.email
      timeout         = each.value.timeout
      max_retries     = each.value.max_retries

      containers {
        image = var.image
        args  = each.value.args

        resources {
          limits = {
            cpu    = var.cpu
            memory = var.memory
          }
        }

        dynamic "env" {
          for_each = local.common_env
          content {
            name  = env.key
            value = env.value
          }
        }

        dynamic "env" {
          for_each = google_secret_manager_secret.vendor
          content {
            name = env.key
            value_source {
              secret_key_ref {
                secret  = env.value.secret_id
                version = "latest"
              }
            }
          }
        }
      }
    }
  }

  lifecycle {
    ignore_changes = [
      template[0].template[0].containers[0].image,
      client,
      client_version,
    ]
  }

  depends_on = [google_secret_manager_secret_iam_member.runtime_secret_accessor]
}
