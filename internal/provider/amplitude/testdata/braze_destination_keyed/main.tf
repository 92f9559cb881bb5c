# A destination that holds the key of a braze_api_key this configuration
# manages, so that a key deleted in Braze is made again.

resource "braze_api_key" "stream" {
  name        = "amplitude stream"
  permissions = ["users.track"]
}

resource "amplitude_braze_destination" "test" {
  name           = "keyed"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = braze_api_key.stream.key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}
