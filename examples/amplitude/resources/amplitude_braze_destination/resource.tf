variable "braze_rest_api_key" {
  description = "A Braze REST API key with the users.track permission."
  type        = string
  sensitive   = true
}

# Forward purchases from US and Canadian users, with the price and the plan,
# and send plan and country changes as Braze custom attributes.
resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = var.braze_rest_api_key

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = {
    events           = ["Purchase"]
    filters          = [{ property = "country", operator = "is", values = ["US", "CA"] }]
    event_properties = ["price"]
    user_properties  = ["plan"]
  }

  send_users = {
    user_properties = ["plan", "country"]
  }
}

# With Terraform or OpenTofu 1.11 and later, keep the key out of state:
# bump braze_api_key_wo_version whenever the key changes.
resource "amplitude_braze_destination" "write_only_key" {
  name                     = "braze-prod-stream-eu"
  braze_endpoint           = "https://rest.fra-01.braze.eu"
  braze_app_id             = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key_wo         = var.braze_rest_api_key
  braze_api_key_wo_version = 1
  user_alias_label         = "amplitude_id"

  identifier_mapping = {
    amplitude_property = "amplitude_id"
    braze_identifier   = "user_alias"
  }

  send_events = { all_events = true }
}
