resource "amplitude_braze_destination" "x" {
  name               = "x"
  braze_endpoint     = "https://rest.iad-05.braze.com"
  braze_app_id       = local.sandbox.braze_app_id
  braze_api_key      = local.sandbox.braze_admin_key
  identifier_mapping = { amplitude_property = "user_id", braze_identifier = "external_id" }
  send_events        = { events = ["Purchase"], filters = [{ property = "ltv", operator = "greater", values = ["1"] }] }
}
