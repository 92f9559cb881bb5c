# A Braze identify destination made with the generic resource, holding the
# Braze key api_key. testdata/generic_braze_identify_write_only holds it in
# write-only form.

variable "api_key" {
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
  secret_config = { api_key = var.api_key }
}
