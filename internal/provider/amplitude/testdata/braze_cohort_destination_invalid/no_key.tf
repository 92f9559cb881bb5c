resource "amplitude_braze_cohort_destination" "test" {
  name                = "invalid"
  braze_endpoint      = local.sandbox.braze_endpoint
  identifier_mappings = [{ amplitude_property = "p", braze_identifier = "external_id" }]
}
