# A destination that uses the imported key of testdata/imported_key.

resource "amplitude_braze_destination" "d" {
  name           = "stream"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = braze_api_key.k.key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}
