# One object of each kind that a refresh reads: a Braze key, a destination,
# a sync and an event type.

resource "braze_api_key" "k" {
  name        = "stream"
  permissions = ["users.track"]
}

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

resource "amplitude_sync" "s" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.d.id
  cadence        = "daily"
}

resource "amplitude_event_type" "e" {
  name = "Wrong URL Check"
}
