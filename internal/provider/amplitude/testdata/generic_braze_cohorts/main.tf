# A Braze cohort destination made with the generic resource.

resource "amplitude_destination" "test" {
  partner      = "braze"
  display_name = "braze cohorts"
  kind         = ["cohort"]
  config = {
    api_endpoint        = local.sandbox.braze_endpoint
    identifier_mappings = [{ amplitude_property = "user_id", braze_identifier = "external_id" }]
  }
  secret_config = { data_import_key = local.sandbox.braze_data_import_key }
}
