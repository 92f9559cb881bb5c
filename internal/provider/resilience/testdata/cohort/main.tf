# One read of an Amplitude API that takes the project's keys.

data "amplitude_cohort" "x" {
  id = "coh_power_users"
}
