# A Braze event stream Terraform creates, its key in the write-only form.

resource "amplitude_braze_destination" "created" {
  name           = "created-stream"
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_events = {
    all_events = true
  }
  braze_api_key_wo         = local.sandbox.braze_admin_key
  braze_api_key_wo_version = 1
}
