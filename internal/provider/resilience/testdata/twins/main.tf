# 8 destinations that share one name: only the provider's search for what a
# lost create made tells them apart.

resource "amplitude_braze_destination" "twin" {
  count          = 8
  name           = "twin"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = local.sandbox.braze_admin_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}
