# 5 destinations, 10 user properties and a sync of each property to each
# destination: 50 syncs.

resource "amplitude_user_property" "p" {
  count = 10
  name  = "prop_${count.index}"
  type  = "string"
}

resource "amplitude_braze_destination" "d" {
  count          = 5
  name           = "dest-${count.index}"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = local.sandbox.braze_admin_key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_sync" "s" {
  count          = 50
  kind           = "user_property"
  source_id      = amplitude_user_property.p[count.index % 10].name
  destination_id = amplitude_braze_destination.d[floor(count.index / 10)].id
  cadence        = "daily"
}
