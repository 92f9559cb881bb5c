# An event-stream and a cohort destination for syncs to write to. The
# credentials are the sandbox's seeds, in local.sandbox.

resource "amplitude_braze_destination" "stream" {
  name           = "stream"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = local.sandbox.braze_admin_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_braze_cohort_destination" "cohorts" {
  name            = "cohorts"
  braze_endpoint  = local.sandbox.braze_endpoint
  data_import_key = local.sandbox.braze_data_import_key
  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
  ]
}
