# A Braze event stream Terraform creates, its key in the write-only form.

variable "braze_api_key" {
  type      = string
  sensitive = true
}

resource "amplitude_braze_destination" "created" {
  name           = "created-stream"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_events = {
    all_events = true
  }
  braze_api_key_wo         = var.braze_api_key
  braze_api_key_wo_version = 1
}
