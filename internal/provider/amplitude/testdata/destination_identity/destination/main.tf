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

variable "braze_api_key" {
  type      = string
  sensitive = true
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
    api_endpoint      = "https://rest.iad-05.braze.com"
    app_id            = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
    update_users_only = false
    user_id_mapping = {
      amplitude_property = "user_id"
      braze_identifier   = "external_id"
    }
  }
  secret_config_wo         = { api_key = var.braze_api_key }
  secret_config_wo_version = 1
}
