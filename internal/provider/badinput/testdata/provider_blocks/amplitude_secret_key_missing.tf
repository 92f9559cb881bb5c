provider "amplitude" {
  api_key  = "k"
  base_url = local.sandbox.amplitude_url
}
data "amplitude_cohort" "x" { id = "c" }
