# A Braze event stream adopted as terraform query -generate-config-out
# writes it: without its key, which Amplitude never returns.

variable "destination_id" {
  type = string
}

variable "name" {
  type = string
}

import {
  to = amplitude_braze_destination.adopted
  identity = {
    id = var.destination_id
  }
}

resource "amplitude_braze_destination" "adopted" {
  name           = var.name
  braze_endpoint = local.sandbox.braze_endpoint
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_events = {
    all_events = true
  }
}
