# braze-streaming: one workspace's Amplitude → Braze pipeline. A Braze REST
# key usable only from Amplitude's egress addresses, the event-stream
# destination that holds it, and a sync per user property and computation.
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}

resource "braze_api_key" "stream" {
  name        = "${var.name}-amplitude-stream-${var.key_generation}"
  permissions = ["users.track"]
  allowed_ips = provider::amplitude::egress_ips(var.amplitude_region)

  # Rotate by bumping key_generation: the destination moves to the new key
  # before the old one is deleted.
  lifecycle {
    create_before_destroy = true
  }
}

resource "amplitude_braze_destination" "stream" {
  name           = "${var.name}-braze-stream"
  braze_endpoint = var.braze_rest_endpoint
  braze_app_id   = var.braze_app_id
  braze_api_key  = braze_api_key.stream.key

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = length(var.events) > 0 ? { events = var.events } : null
  send_users  = { user_properties = var.user_properties }
}

resource "amplitude_sync" "user_property" {
  for_each = var.user_properties

  kind           = "user_property"
  source_id      = each.value
  destination_id = amplitude_braze_destination.stream.id
  cadence        = var.cadence
}

resource "amplitude_sync" "computation" {
  for_each = var.computations

  kind           = "computation"
  source_id      = each.value
  destination_id = amplitude_braze_destination.stream.id
  cadence        = var.cadence
}
