# A Braze key allowlisted to Amplitude's egress IPs feeding a destination.
# A new key_name replaces the key, and create_before_destroy moves the
# destination to the new key before the old one is deleted.

variable "key_name" {
  type = string
}

resource "braze_api_key" "stream" {
  name        = var.key_name
  permissions = ["users.track"]
  allowed_ips = provider::amplitude::egress_ips("US")

  lifecycle {
    create_before_destroy = true
  }
}

resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = provider::braze::rest_endpoint("US-05")
  braze_app_id   = local.sandbox.braze_app_id
  braze_api_key  = braze_api_key.stream.key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}
