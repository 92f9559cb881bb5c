variable "braze_rest_api_key" {
  type      = string
  sensitive = true
}

variable "braze_data_import_key" {
  type      = string
  sensitive = true
}

resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = var.braze_rest_api_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_braze_cohort_destination" "cohorts" {
  name                = "braze-cohorts"
  braze_endpoint      = "https://rest.iad-05.braze.com"
  data_import_key     = var.braze_data_import_key
  identifier_mappings = [{ amplitude_property = "user_id", braze_identifier = "external_id" }]
}

resource "amplitude_user_property" "tier" {
  name        = "loyalty_tier"
  type        = "enum"
  enum_values = ["bronze", "silver", "gold"]
}

# Writes the Braze custom attribute "loyalty_tier" every hour. Referring to
# the property's name creates the property first.
resource "amplitude_sync" "tier" {
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"
}

# A computation, daily.
resource "amplitude_sync" "ltv" {
  name           = "LTV (90 days) to Braze"
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"
}

# Cohort membership in real time, through the cohort destination.
resource "amplitude_sync" "power_users" {
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = amplitude_braze_cohort_destination.cohorts.id
  cadence        = "realtime"
}
