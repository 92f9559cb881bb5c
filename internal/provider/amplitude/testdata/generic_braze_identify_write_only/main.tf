# A Braze identify destination made with the generic resource, holding the
# Braze key api_key_wo in write-only form.

variable "api_key_wo" {
  type = string
}

resource "amplitude_destination" "test" {
  partner      = "braze"
  display_name = "braze users"
  kind         = ["identify"]
  config = {
    api_endpoint    = local.sandbox.braze_endpoint
    app_id          = local.sandbox.braze_app_id
    user_id_mapping = { amplitude_property = "user_id", braze_identifier = "external_id" }
  }
  secret_config_wo         = { api_key = var.api_key_wo }
  secret_config_wo_version = 1
}
