resource "amplitude_braze_destination" "test" {
  name           = "invalid"
  braze_endpoint = "rest.iad-05.braze.com"
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  braze_api_key = local.sandbox.braze_admin_key
  send_users    = { user_properties = ["plan"] }
}
