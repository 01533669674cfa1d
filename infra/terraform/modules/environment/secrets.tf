# One Secret Manager secret per vendor credential, with no version: values are added out of
# band (`gcloud secrets versions add`), so no key ever passes through Terraform state.

resource "google_secret_manager_secret" "vendor" {
  for_each = local.secret_ids

  project   = var.project_id
  secret_id = each.value
  labels    = local.labels

  replication {
    auto {}
  }
}
