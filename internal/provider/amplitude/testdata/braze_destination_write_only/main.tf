# One amplitude_braze_destination that holds its Braze key in write-only
# form: the key is sent when braze_api_key_wo_version changes.

variable "name" {
  type = string
}

variable "braze_api_key_wo" {
  type = string
}

variable "braze_api_key_wo_version" {
  type = number
}

resource "amplitude_braze_destination" "test" {
  name           = var.name
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  braze_api_key_wo         = var.braze_api_key_wo
  braze_api_key_wo_version = var.braze_api_key_wo_version
  send_users               = { user_properties = ["plan"] }
}
