# An hourly sync of the user property ltv to Braze, and Braze's custom
# attributes read after it, where ltv appears once the sync has run.

resource "amplitude_braze_destination" "stream" {
  name           = "stream"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = local.sandbox.braze_admin_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["ltv"] }
}

resource "amplitude_sync" "ltv" {
  kind           = "user_property"
  source_id      = "ltv"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"
}

data "braze_custom_attributes" "all" {
  depends_on = [amplitude_sync.ltv]
}
