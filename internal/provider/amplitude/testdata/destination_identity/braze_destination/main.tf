# Adopts a Braze event stream made out of band by its identity, as
# terraform query's generated import blocks do, and sends its key once in
# the write-only form: Amplitude never returns the key.

variable "project_id" {
  type    = string
  default = null
}

variable "destination_id" {
  type = string
}

import {
  to = amplitude_braze_destination.adopted
  identity = {
    project_id = var.project_id
    id         = var.destination_id
  }
}

resource "amplitude_braze_destination" "adopted" {
  name           = "adopted-stream"
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
