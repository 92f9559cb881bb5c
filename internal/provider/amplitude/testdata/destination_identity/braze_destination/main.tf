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

variable "braze_api_key" {
  type      = string
  sensitive = true
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
