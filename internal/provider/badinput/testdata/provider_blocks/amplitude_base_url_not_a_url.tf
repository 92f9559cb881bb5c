provider "amplitude" {
  api_key    = "k"
  secret_key = "s"
  base_url   = "amplitude.com"
}
data "amplitude_cohort" "x" { id = "c" }
