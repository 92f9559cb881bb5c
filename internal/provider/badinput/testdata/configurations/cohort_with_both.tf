data "amplitude_cohort" "x" {
  id   = "coh_power_users"
  name = "Power users"
}
