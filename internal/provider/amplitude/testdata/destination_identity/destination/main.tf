# Adopts a destination made out of band by its identity through the
# partner-agnostic resource, and sends its secret once in the write-only
# form: Amplitude never returns secrets.

variable "project_id" {
  type    = string
  default = null
}

variable "destination_id" {
  type = string
}

import {
  to = amplitude_destination.adopted
  identity = {
    project_id = var.project_id
    id         = var.destination_id
  }
}

resource "amplitude_destination" "adopted" {
  partner      = "braze"
  display_name = "adopted-generic"
  kind         = ["event"]
  config = {
    api_endpoint      = local.sandbox.braze_endpoint
    app_id            = local.sandbox.braze_app_id
    update_users_only = false
    user_id_mapping = {
      amplitude_property = "user_id"
      braze_identifier   = "external_id"
    }
  }
  secret_config_wo         = { api_key = local.sandbox.braze_admin_key }
  secret_config_wo_version = 1
}
