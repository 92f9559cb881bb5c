# The end-to-end configuration: both destination types, and a sync of each
# kind.

resource "amplitude_user_property" "tier" {
  name        = "loyalty_tier"
  description = "Bronze, silver or gold."
  type        = "enum"
  enum_values = ["bronze", "silver", "gold"]
}

resource "amplitude_sync" "user_property" {
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"
}

resource "amplitude_sync" "computation" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"
}

resource "amplitude_sync" "cohort" {
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = amplitude_braze_cohort_destination.cohorts.id
  cadence        = "realtime"
}

resource "amplitude_sync" "recommendation" {
  kind           = "recommendation"
  source_id      = "rec_top_products"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "one_time"
}

data "amplitude_cohort" "power_users" {
  name       = "Power users"
  depends_on = [amplitude_sync.cohort]
}
