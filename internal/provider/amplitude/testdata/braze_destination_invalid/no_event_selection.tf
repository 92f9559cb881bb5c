resource "amplitude_braze_destination" "test" {
  name           = "invalid"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  braze_api_key = local.sandbox.braze_admin_key
  send_events   = { user_properties = ["plan"] }
}
