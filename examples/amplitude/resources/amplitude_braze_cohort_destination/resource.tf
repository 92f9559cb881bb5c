variable "braze_data_import_key" {
  description = "The Braze data import key for Amplitude (Braze › Technology Partners › Amplitude)."
  type        = string
  sensitive   = true
}

# Matches cohort members by external id first, then by device id.
resource "amplitude_braze_cohort_destination" "cohorts" {
  name            = "braze-cohorts"
  braze_endpoint  = "https://rest.fra-01.braze.eu"
  data_import_key = var.braze_data_import_key

  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
    { amplitude_property = "device_id", braze_identifier = "device_id" },
  ]
}
