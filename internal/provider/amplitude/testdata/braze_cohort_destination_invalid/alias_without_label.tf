resource "amplitude_braze_cohort_destination" "test" {
  name                = "invalid"
  braze_endpoint      = local.sandbox.braze_endpoint
  data_import_key     = local.sandbox.braze_data_import_key
  identifier_mappings = [{ amplitude_property = "p", braze_identifier = "user_alias" }]
}
