# A new Braze event stream without its key.
resource "amplitude_braze_destination" "new" {
  name           = "new-stream"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_events = {
    all_events = true
  }
}
