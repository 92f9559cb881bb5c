provider "amplitude" {
  secret_key = "s"
  base_url   = local.sandbox.amplitude_url
}
data "amplitude_cohort" "x" { id = "c" }
