provider "amplitude" {
  api_key     = local.sandbox.amplitude_api_key
  secret_key  = local.sandbox.amplitude_secret_key
  base_url    = local.sandbox.amplitude_url
  max_retries = 50
}
data "amplitude_cohort" "x" { id = "coh_power_users" }

