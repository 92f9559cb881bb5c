# The key Amplitude streams to Braze with: only users.track, usable only
# from Amplitude's US egress addresses.
resource "braze_api_key" "amplitude_stream" {
  name        = "amplitude-stream-2026-11"
  permissions = ["users.track"]
  allowed_ips = provider::amplitude::egress_ips("US")

  # Keys cannot be edited, so every change is a new key. Creating the new one
  # first lets the destination below switch to it before the old one goes:
  # rotate by changing the name.
  lifecycle {
    create_before_destroy = true
  }
}

resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = provider::braze::rest_endpoint("US-05")
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = braze_api_key.amplitude_stream.key

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = { events = ["Purchase"] }
}
