data "amplitude_cohort" "power_users" {
  name = "Power users"
}

output "power_users" {
  value = {
    id    = data.amplitude_cohort.power_users.id
    size  = data.amplitude_cohort.power_users.size
    syncs = [for s in data.amplitude_cohort.power_users.sync_metadata : "${s.target} (${s.frequency})"]
  }
}
